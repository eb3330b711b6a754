import { exclusionOf } from "./exclusions";
import { Ranking } from "./ranking";
import type { RoutingSettings } from "./schemas";
import {
  combineParts,
  languageModeValue,
  loadFit,
  recentOffers,
  regionIndexOf,
  regionOrder,
  regionValueAt,
  rotationFit,
  scoreOf,
  scoringContext,
  specialtyValue,
  trackRecordFit,
} from "./score";
import type { CandidateFacts, RoutingRequest } from "./types";

type ListField = "specialties" | "languages" | "serviceModes";

/** "2026-11-29" as 20261129 (same order as the text); a missing date as `ifNull`. */
const dayNumber = (date: string | null, ifNull: number) => (date ? Number(date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10)) : ifNull);
const NEVER = 2 ** 31 - 1;

/**
 * Every expert's routing profile in columns: what the hard filters compare as numbers, the parts of
 * the score that do not depend on the request (load, track record) worked out once, and one byte
 * column per specialty, language or service mode asked about. Ranking a request then reads numbers
 * in one pass over the roster, with no object made for an expert it rules out.
 *
 * The rules are the same as exclusionOf and scoreOf, and the score is added up by the same function
 * (combineParts), so both ways give the same candidates with the same score to the last bit
 * (profile-table.test.ts checks this on random rosters).
 */
export class ProfileTable {
  private readonly slotOf = new Map<string, number>();
  private readonly facts: CandidateFacts[] = [];
  /** Each expert's regions (home first, then those served) as numbers: regionCodes[number] is the code. */
  private readonly regions: Int32Array[] = [];
  private readonly regionCodes: string[] = [];
  private readonly regionNumbers = new Map<string, number>();
  private capacity = 0;
  private revision = new Float64Array(0);
  /**
   * The days (as dayNumber) on which the expert passes the filters that do not depend on the
   * request: from the later of the term's start and the end of a pause, up to (not including) the
   * term's end. Empty for an expert who is not active or has no room for another case.
   */
  private openFrom = new Int32Array(0);
  private openUntil = new Int32Array(0);
  private load = new Float64Array(0);
  private track = new Float64Array(0);
  private heat = new Float64Array(0);
  /** Epoch milliseconds of the heat figure, 0 before the first offer. */
  private heatAt = new Float64Array(0);
  /** Slots set aside for one call of rank (set to that call's number): ruled out, or replaced. */
  private setAside = new Int32Array(0);
  private calls = 0;
  private readonly members = new Map<ListField, Map<string, Uint8Array>>();

  get size(): number {
    return this.facts.length;
  }

  /** Keeps this profile unless the one kept has the same or a later revision; whether it was kept. */
  put(facts: CandidateFacts, revision: number): boolean {
    let slot = this.slotOf.get(facts.expertId);
    if (slot !== undefined && this.revision[slot]! >= revision) return false;
    if (slot === undefined) {
      slot = this.facts.length;
      if (slot === this.capacity) this.grow();
      this.slotOf.set(facts.expertId, slot);
      this.facts.push(facts);
      this.regions.push(new Int32Array(0));
    }
    this.facts[slot] = facts;
    this.regions[slot] = Int32Array.from([facts.homeRegionCode, ...facts.servedRegions], (code) => this.regionNumber(code));
    this.revision[slot] = revision;
    const open = facts.status === "active" && facts.activeCases + facts.pendingOffers < facts.capacity;
    this.openFrom[slot] = open ? Math.max(dayNumber(facts.termStart, NEVER), dayNumber(facts.pausedUntil, 0)) : NEVER;
    this.openUntil[slot] = open ? dayNumber(facts.termEnd, -NEVER) : -NEVER;
    this.load[slot] = loadFit(facts.activeCases, facts.pendingOffers, facts.capacity);
    this.track[slot] = trackRecordFit(facts).value;
    this.heat[slot] = facts.rotationHeat;
    this.heatAt[slot] = facts.rotationAt ?? 0;
    for (const [field, columns] of this.members) {
      for (const [code, column] of columns) column[slot] = facts[field].includes(code) ? 1 : 0;
    }
    return true;
  }

  /**
   * The candidates routing may offer the request to, scored: every kept profile that passes the
   * hard filters on `today` and is not ruled out here, except that a profile in `replaced` (written
   * by the caller's own open transaction) is taken from there.
   */
  rank(
    request: RoutingRequest,
    settings: RoutingSettings,
    now: Date,
    today: string,
    ruledOut: ReadonlySet<string>,
    replaced: ReadonlyMap<string, CandidateFacts>,
  ): Ranking {
    const ctx = scoringContext(request, settings.weights, now);
    const day = dayNumber(today, 0);
    const needed = request.specialties.map((code) => this.member("specialties", code));
    const language = request.language ? this.member("languages", request.language) : null;
    const mode = request.serviceMode ? this.member("serviceModes", request.serviceMode) : null;
    const farthest = regionOrder.length - 1;
    // The request's region level for each region number, worked out when first met.
    const levels = new Int8Array(this.regionCodes.length).fill(-1);
    const ranking = new Ranking();
    if (++this.calls === 2 ** 31 - 1) {
      this.setAside.fill(0);
      this.calls = 1;
    }
    const call = this.calls;
    for (const id of [...ruledOut, ...replaced.keys()]) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) this.setAside[slot] = call;
    }
    const { facts, openFrom, openUntil, load, track, heat, heatAt, setAside, regions } = this;
    for (let i = 0; i < facts.length; i++) {
      if (day < openFrom[i]! || day >= openUntil[i]! || setAside[i] === call) continue;
      let hits = 0;
      for (let k = 0; k < needed.length; k++) hits += needed[k]![i]!;
      if (needed.length && !hits && !request.specialtiesFromCategory) continue;
      const codes = regions[i]!;
      let region = farthest;
      for (let k = 0; k < codes.length && region > 0; k++) {
        const n = codes[k]!;
        if (levels[n] === -1) levels[n] = regionIndexOf(ctx, this.regionCodes[n]!);
        region = Math.min(region, levels[n]!);
      }
      const recent = recentOffers(heat[i]!, heatAt[i]!, now);
      const exact = combineParts(
        ctx,
        specialtyValue(hits, needed.length),
        regionValueAt(region),
        load[i]!,
        languageModeValue(!language || language[i] === 1, !mode || mode[i] === 1),
        track[i]!,
        rotationFit(recent),
      );
      ranking.add(facts[i]!, exact, recent);
    }
    for (const f of replaced.values()) {
      if (!ruledOut.has(f.expertId) && !exclusionOf(request, f, today))
        ranking.add(f, scoreOf(ctx, f), recentOffers(f.rotationHeat, f.rotationAt, now));
    }
    return ranking;
  }

  private regionNumber(code: string): number {
    let n = this.regionNumbers.get(code);
    if (n === undefined) {
      n = this.regionCodes.push(code) - 1;
      this.regionNumbers.set(code, n);
    }
    return n;
  }

  /** The byte column "has this code in this list" (1 or 0 per slot), made on first use and kept up to date. */
  private member(field: ListField, code: string): Uint8Array {
    let columns = this.members.get(field);
    if (!columns) this.members.set(field, (columns = new Map()));
    let column = columns.get(code);
    if (!column) {
      column = new Uint8Array(this.capacity);
      for (let i = 0; i < this.facts.length; i++) column[i] = this.facts[i]![field].includes(code) ? 1 : 0;
      columns.set(code, column);
    }
    return column;
  }

  private grow(): void {
    this.capacity = Math.max(64, this.capacity * 2);
    const widen = <T extends Float64Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(this.capacity);
      next.set(old);
      return next;
    };
    this.revision = widen(this.revision, (n) => new Float64Array(n));
    this.openFrom = widen(this.openFrom, (n) => new Int32Array(n));
    this.openUntil = widen(this.openUntil, (n) => new Int32Array(n));
    this.load = widen(this.load, (n) => new Float64Array(n));
    this.track = widen(this.track, (n) => new Float64Array(n));
    this.heat = widen(this.heat, (n) => new Float64Array(n));
    this.heatAt = widen(this.heatAt, (n) => new Float64Array(n));
    this.setAside = widen(this.setAside, (n) => new Int32Array(n));
    for (const columns of this.members.values()) {
      for (const [code, column] of columns)
        columns.set(
          code,
          widen(column, (n) => new Uint8Array(n)),
        );
    }
  }
}
