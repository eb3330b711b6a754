import type { CandidateFacts } from "./types";

/** A candidate in the ranking: its place and score (the reasons are worked out when needed). */
export interface RankedCandidate {
  expertId: string;
  name: string | null;
  rank: number;
  exact: number;
  facts: CandidateFacts;
}

/**
 * Scored candidates, handed out best first: highest score; on a tie the one with fewer recent
 * offers, then by id, so the same data always gives the same order. Routing usually needs only the
 * first, so the order is kept as a binary heap and each step takes the next best (the whole list,
 * when iterated to the end, comes out fully sorted).
 */
export class Ranking implements Iterable<RankedCandidate> {
  private readonly facts: CandidateFacts[] = [];
  private readonly exact: number[] = [];
  private readonly recent: number[] = [];

  get size(): number {
    return this.facts.length;
  }

  add(facts: CandidateFacts, exact: number, recent: number): void {
    this.facts.push(facts);
    this.exact.push(exact);
    this.recent.push(recent);
  }

  /** Whether candidate a goes before candidate b. */
  private before(a: number, b: number): boolean {
    const { exact, recent, facts } = this;
    if (exact[a] !== exact[b]) return exact[a]! > exact[b]!;
    if (recent[a] !== recent[b]) return recent[a]! < recent[b]!;
    return facts[a]!.expertId < facts[b]!.expertId;
  }

  *[Symbol.iterator](): Iterator<RankedCandidate> {
    const heap = Uint32Array.from({ length: this.facts.length }, (_, i) => i);
    let n = heap.length;
    const down = (start: number) => {
      let i = start;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) return;
        const r = l + 1;
        const best = r < n && this.before(heap[r]!, heap[l]!) ? r : l;
        if (!this.before(heap[best]!, heap[i]!)) return;
        [heap[i], heap[best]] = [heap[best]!, heap[i]!];
        i = best;
      }
    };
    for (let i = (n >> 1) - 1; i >= 0; i--) down(i);
    for (let rank = 1; n > 0; rank++) {
      const top = heap[0]!;
      heap[0] = heap[--n]!;
      down(0);
      const f = this.facts[top]!;
      yield { expertId: f.expertId, name: f.name, rank, exact: this.exact[top]!, facts: f };
    }
  }

  /** The first `count` candidates, best first. */
  top(count: number): RankedCandidate[] {
    const out: RankedCandidate[] = [];
    for (const candidate of this) {
      if (out.length >= count) break;
      out.push(candidate);
    }
    return out;
  }
}
