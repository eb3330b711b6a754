import { exclusionOf } from "./exclusions";
import { ALL_SPECIALTIES, BandQueue, ProfileGroups, specialtyHitsBound } from "./profile-groups";
import { Ranking, type UnscoredCandidates } from "./ranking";
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
  type ScoringContext,
} from "./score";
import type { CandidateFacts, RoutingRequest } from "./types";
import type { Weights } from "./weights";

type ListField = "specialties" | "languages" | "serviceModes";

/** "2026-11-29" as 20261129 (same order as the text); a missing date as `ifNull`. */
const dayNumber = (date: string | null, ifNull: number) => (date ? Number(date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10)) : ifNull);
const NEVER = 2 ** 31 - 1;
/**
 * The static scores (load, track record, rotation) bound the rotation part by its value at a time
 * up to a day ahead: rotation only grows as recent offers fade, so the bound holds until then, and
 * the groups are made again after it.
 */
const KEY_HORIZON_MS = 86_400_000;

/** What scoring one request's candidates needs, worked out once per ranking. */
interface Query {
  request: RoutingRequest;
  ctx: ScoringContext;
  now: Date;
  day: number;
  needed: Uint8Array[];
  language: Uint8Array | null;
  mode: Uint8Array | null;
  /** The request's region level for each region number, worked out when first met (-1 before); kept across rankings (levelsFor). */
  levels: Int8Array;
  /** Slots not to score: ruled out here, replaced by the caller's own profile, or already handed out. */
  skip: Set<number>;
}

/**
 * Every expert's routing profile in columns: what the hard filters compare as numbers, the parts of
 * the score that do not depend on the request (load, track record) worked out once, and one byte
 * column per specialty, language or service mode asked about.
 *
 * Ranking a request (rank) scores best first and stops early: the experts open for work are
 * grouped by specialty and region and banded by the best static score they hold (profile-groups.ts);
 * the bands are scored from the highest bound down, and a candidate is handed out once no band left
 * could beat it. So a ranking scores the experts near the top, not the roster. rankAll scores every
 * expert (the same result; bench-routing compares the two).
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
  /** Query.levels by the request's region code: a level depends on the two codes only, and requests share few regions. */
  private readonly levelsFor = new Map<string, Int8Array>();
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
  private readonly members = new Map<ListField, Map<string, Uint8Array>>();
  private readonly groups = new ProfileGroups();
  /** The weights (load, track record, rotation) and the time the groups' static scores are for; null before the first ranking. */
  private keyedFor: { load: number; trackRecord: number; rotation: number; horizon: Date } | null = null;
  /** Grows on every change, so a ranking still being read knows to start again. */
  private version = 0;

  get size(): number {
    return this.facts.length;
  }

  /** Every kept profile (the admin's list finds the excluded experts among them). */
  profiles(): readonly CandidateFacts[] {
    return this.facts;
  }

  /** The kept profile of an expert, if any. */
  profileOf(expertId: string): CandidateFacts | undefined {
    const slot = this.slotOf.get(expertId);
    return slot === undefined ? undefined : this.facts[slot];
  }

  /** Grows whenever a kept profile changes: what is worked out from the profiles holds while it stays. */
  get generation(): number {
    return this.version;
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
    } else this.groups.remove(slot);
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
    if (this.keyedFor) this.group(slot);
    this.version++;
    return true;
  }

  /**
   * The candidates routing may offer the request to, scored, best first: every kept profile that
   * passes the hard filters on `today` and is not ruled out here, except that a profile in
   * `replaced` (written by the caller's own open transaction) is taken from there. Scored as far as
   * the caller reads: best first by bound (see the class comment). A ranking read after the table
   * changed goes on from the new profiles, never handing out an expert twice.
   */
  rank(
    request: RoutingRequest,
    settings: RoutingSettings,
    now: Date,
    today: string,
    ruledOut: ReadonlySet<string>,
    replaced: ReadonlyMap<string, CandidateFacts>,
  ): Ranking {
    let version = -1;
    let query: Query;
    let queue: BandQueue;
    let seen: Set<number>;
    const start = (ranking: Ranking) => {
      this.keyFor(settings.weights, now);
      const handedOut = ranking.handedOutIds();
      query = this.query(request, settings, now, today, [...ruledOut, ...replaced.keys(), ...handedOut]);
      this.addReplaced(ranking, query, today, ruledOut, replaced, new Set(handedOut));
      seen = new Set();
      queue = new BandQueue(100 / query.ctx.total);
      const w = query.ctx.weightList;
      const languageMode = w[3]! * languageModeValue(true, true);
      const needed = request.specialties;
      // Experts with none of the request's specialties: all of them when it has none, else only
      // when the specialties are the category's guess (they then score 0 for the specialty).
      const codes = !needed.length || request.specialtiesFromCategory ? [...needed, ALL_SPECIALTIES] : needed;
      for (const code of codes)
        for (const [region, group] of this.groups.of(code)) {
          const specialty = specialtyValue(specialtyHitsBound(group, needed), needed.length);
          queue.push(group, group.top, w[0]! * specialty + w[1]! * regionValueAt(this.levelOf(query, region)) + languageMode);
        }
      version = this.version;
    };
    const unscored: UnscoredCandidates = {
      sync: (ranking) => {
        if (version === this.version) return;
        ranking.discardScored();
        start(ranking);
      },
      bound: () => queue.bound(),
      scoreMore: (ranking) => {
        for (const slot of queue.pop()) {
          if (seen.has(slot)) continue;
          seen.add(slot);
          this.consider(slot, query, ranking);
        }
      },
    };
    return new Ranking(unscored);
  }

  /** rank's candidates by scoring every kept profile (what ranking did before it was bounded; bench-routing compares the two). */
  rankAll(
    request: RoutingRequest,
    settings: RoutingSettings,
    now: Date,
    today: string,
    ruledOut: ReadonlySet<string>,
    replaced: ReadonlyMap<string, CandidateFacts>,
  ): Ranking {
    const query = this.query(request, settings, now, today, [...ruledOut, ...replaced.keys()]);
    const ranking = new Ranking();
    for (let i = 0; i < this.facts.length; i++) this.consider(i, query, ranking);
    this.addReplaced(ranking, query, today, ruledOut, replaced, new Set());
    return ranking;
  }

  private query(request: RoutingRequest, settings: RoutingSettings, now: Date, today: string, skipIds: string[]): Query {
    const skip = new Set<number>();
    for (const id of skipIds) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) skip.add(slot);
    }
    return {
      request,
      ctx: scoringContext(request, settings.weights, now),
      now,
      day: dayNumber(today, 0),
      needed: request.specialties.map((code) => this.member("specialties", code)),
      language: request.language ? this.member("languages", request.language) : null,
      mode: request.serviceMode ? this.member("serviceModes", request.serviceMode) : null,
      levels: this.levelsAt(request.regionCode),
      skip,
    };
  }

  private levelsAt(regionCode: string): Int8Array {
    let levels = this.levelsFor.get(regionCode);
    if (!levels || levels.length < this.regionCodes.length) {
      const known = levels;
      levels = new Int8Array(this.regionCodes.length).fill(-1);
      if (known) levels.set(known);
      if (this.levelsFor.size >= 4096) this.levelsFor.clear();
      this.levelsFor.set(regionCode, levels);
    }
    return levels;
  }

  private levelOf(query: Query, region: number): number {
    let level = query.levels[region]!;
    if (level === -1) level = query.levels[region] = regionIndexOf(query.ctx, this.regionCodes[region]!);
    return level;
  }

  /** Scores one kept profile into the ranking if it passes the hard filters and is not skipped. */
  private consider(i: number, query: Query, ranking: Ranking): void {
    const { request, ctx, needed, language, mode } = query;
    if (query.day < this.openFrom[i]! || query.day >= this.openUntil[i]!) return;
    let hits = 0;
    for (let k = 0; k < needed.length; k++) hits += needed[k]![i]!;
    if ((needed.length && !hits && !request.specialtiesFromCategory) || query.skip.has(i)) return;
    const codes = this.regions[i]!;
    let region = regionOrder.length - 1;
    for (let k = 0; k < codes.length && region > 0; k++) region = Math.min(region, this.levelOf(query, codes[k]!));
    const recent = recentOffers(this.heat[i]!, this.heatAt[i]!, query.now);
    const exact = combineParts(
      ctx,
      specialtyValue(hits, needed.length),
      regionValueAt(region),
      this.load[i]!,
      languageModeValue(!language || language[i] === 1, !mode || mode[i] === 1),
      this.track[i]!,
      rotationFit(recent),
    );
    ranking.add(this.facts[i]!, exact, recent);
  }

  private addReplaced(
    ranking: Ranking,
    query: Query,
    today: string,
    ruledOut: ReadonlySet<string>,
    replaced: ReadonlyMap<string, CandidateFacts>,
    handedOut: ReadonlySet<string>,
  ): void {
    for (const f of replaced.values()) {
      if (!ruledOut.has(f.expertId) && !handedOut.has(f.expertId) && !exclusionOf(query.request, f, today))
        ranking.add(f, scoreOf(query.ctx, f), recentOffers(f.rotationHeat, f.rotationAt, query.now));
    }
  }

  /** Makes the groups' static scores (see KEY_HORIZON_MS) for these weights at `now`, unless they are. */
  private keyFor(weights: Weights, now: Date): void {
    const keyed = this.keyedFor;
    if (
      keyed &&
      keyed.load === weights.load &&
      keyed.trackRecord === weights.trackRecord &&
      keyed.rotation === weights.rotation &&
      now.getTime() <= keyed.horizon.getTime()
    )
      return;
    this.keyedFor = {
      load: weights.load,
      trackRecord: weights.trackRecord,
      rotation: weights.rotation,
      horizon: new Date(now.getTime() + KEY_HORIZON_MS),
    };
    this.groups.reset(weights.load + weights.trackRecord + weights.rotation);
    for (let i = 0; i < this.facts.length; i++) this.group(i);
    this.version++;
  }

  /** Places an expert open for work in its groups, by its static score: its load, track record and rotation (as of the horizon), weighted. */
  private group(slot: number): void {
    const keyed = this.keyedFor!;
    if (this.openFrom[slot] === NEVER) return;
    const rotation = rotationFit(recentOffers(this.heat[slot]!, this.heatAt[slot]!, keyed.horizon));
    const key = keyed.load * this.load[slot]! + keyed.trackRecord * this.track[slot]! + keyed.rotation * rotation;
    this.groups.place(slot, key, this.regions[slot]!, this.facts[slot]!.specialties);
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
    for (const columns of this.members.values()) {
      for (const [code, column] of columns)
        columns.set(
          code,
          widen(column, (n) => new Uint8Array(n)),
        );
    }
  }
}
