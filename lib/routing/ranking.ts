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
 * Candidates not scored yet, handed to the ranking a group at a time, best bound first
 * (ProfileTable.rank). The ranking asks for more only while one of them could still come before
 * the best it holds, so most of the roster is never scored.
 */
export interface UnscoredCandidates {
  /** No candidate still to come scores above this; -Infinity when none is left. */
  bound(): number;
  /** Scores the next group into the ranking (bound() then drops). */
  scoreMore(ranking: Ranking): void;
  /** Called before each step: a source whose data changed since it began starts again here. */
  sync(ranking: Ranking): void;
}

/**
 * Bounds and scores are the same sum of weighted parts added in different orders, so a bound may
 * fall below the score it bounds by a rounding error (about 1e-14 on a 0..100 score): a candidate
 * is handed out only when every bound still to come is below its score by more than this.
 */
const ROUNDING = 1e-9;

/**
 * Scored candidates, handed out best first: highest score; on a tie the one with fewer recent
 * offers, then by id, so the same data always gives the same order. Routing usually needs only the
 * first few, so the scored ones are kept in a binary heap and each step takes the next best; with
 * `unscored`, candidates are scored only as far as the order needs them. Iterating again gives the
 * same candidates in the same order.
 */
export class Ranking implements Iterable<RankedCandidate> {
  private readonly facts: CandidateFacts[] = [];
  private readonly exact: number[] = [];
  private readonly recent: number[] = [];
  private heap: number[] = [];
  private readonly handedOut: RankedCandidate[] = [];

  constructor(private readonly unscored?: UnscoredCandidates) {}

  /** How many candidates were scored so far (every one, for a ranking without `unscored`). */
  get scored(): number {
    return this.facts.length;
  }

  /** The ids already handed out, in order. */
  handedOutIds(): string[] {
    return this.handedOut.map((c) => c.expertId);
  }

  add(facts: CandidateFacts, exact: number, recent: number): void {
    const i = this.facts.push(facts) - 1;
    this.exact.push(exact);
    this.recent.push(recent);
    const { heap } = this;
    let at = heap.push(i) - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.before(i, heap[parent]!)) break;
      heap[at] = heap[parent]!;
      at = parent;
    }
    heap[at] = i;
  }

  /** Drops the candidates scored but not handed out yet (their source scores them again). */
  discardScored(): void {
    this.heap = [];
  }

  /** Whether candidate a goes before candidate b. */
  private before(a: number, b: number): boolean {
    const { exact, recent, facts } = this;
    if (exact[a] !== exact[b]) return exact[a]! > exact[b]!;
    if (recent[a] !== recent[b]) return recent[a]! < recent[b]!;
    return facts[a]!.expertId < facts[b]!.expertId;
  }

  private pop(): number | undefined {
    const { heap } = this;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || !heap.length) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) break;
      const r = l + 1;
      const best = r < heap.length && this.before(heap[r]!, heap[l]!) ? r : l;
      if (!this.before(heap[best]!, last)) break;
      heap[i] = heap[best]!;
      i = best;
    }
    heap[i] = last;
    return top;
  }

  private next(): RankedCandidate | undefined {
    const source = this.unscored;
    if (source) {
      source.sync(this);
      for (let bound = source.bound(); bound > -Infinity; bound = source.bound()) {
        const best = this.heap[0];
        if (best !== undefined && bound < this.exact[best]! - ROUNDING) break;
        source.scoreMore(this);
      }
    }
    const top = this.pop();
    if (top === undefined) return undefined;
    const f = this.facts[top]!;
    const candidate = { expertId: f.expertId, name: f.name, rank: this.handedOut.length + 1, exact: this.exact[top]!, facts: f };
    this.handedOut.push(candidate);
    return candidate;
  }

  *[Symbol.iterator](): Iterator<RankedCandidate> {
    for (let i = 0; ; i++) {
      const candidate = this.handedOut[i] ?? this.next();
      if (!candidate) return;
      yield candidate;
    }
  }

  /** The first `count` candidates, best first. */
  top(count: number): RankedCandidate[] {
    const out: RankedCandidate[] = [];
    if (count <= 0) return out;
    for (const candidate of this) {
      out.push(candidate);
      if (out.length >= count) break;
    }
    return out;
  }
}
