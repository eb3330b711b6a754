/**
 * The routing profiles grouped for best-first ranking (ProfileTable.rank): one group per specialty
 * and region an expert has (and one per region for every expert, under ALL_SPECIALTIES), each cut
 * into bands by the expert's "static" score (the parts that do not depend on the request: load,
 * track record and rotation, weighted). A request's bound for a band of a group is then its
 * specialty and region value (the same for the whole group), the best language and mode value, and
 * the highest static score in the band: no expert in it can score more. Only experts open for work
 * (active, with room) are grouped; the other filters are checked when a band is scored.
 *
 * A group also counts the other specialties its experts hold, so that for a request asking several
 * the specialty value of its bound counts only those some expert of the group holds with the
 * group's own: when nobody holds them together, a group's bound is one specialty's share, not full
 * marks, and the groups are not scored through for a match that does not exist.
 */
export const ALL_SPECIALTIES = "*";
/** Bands per group: finer bands score fewer experts past the last one needed, at more steps. */
const BANDS = 64;

export interface ProfileGroup {
  /** The group's specialty (ALL_SPECIALTIES for the groups by region alone). */
  readonly specialty: string;
  /** How many of the group's experts hold each other specialty (not counted for ALL_SPECIALTIES). */
  readonly alsoHeld: Map<string, number>;
  /** Slots per band (0 = lowest static score), made on first use. */
  readonly bands: (Set<number> | undefined)[];
  /** The highest static score ever placed in each band (never lowered, so always a bound). */
  readonly max: Float64Array;
  /** No band above this one holds a slot. */
  top: number;
}

export class ProfileGroups {
  private groups = new Map<string, Map<number, ProfileGroup>>();
  private placedIn: ProfileGroup[][] = [];
  private bandOf: number[] = [];
  private specialtiesOf: string[][] = [];
  private keyMax = 0;

  /** Empties the groups, for static scores whose highest possible value is `keyMax`. */
  reset(keyMax: number): void {
    this.groups = new Map();
    this.placedIn = [];
    this.bandOf = [];
    this.specialtiesOf = [];
    this.keyMax = keyMax;
  }

  /** Puts a slot in the group of each of its regions (region numbers) with each of its specialties, and with ALL_SPECIALTIES. */
  place(slot: number, key: number, regions: Int32Array, specialties: string[]): void {
    const band = this.keyMax > 0 ? Math.min(BANDS - 1, Math.max(0, Math.floor((key / this.keyMax) * BANDS))) : 0;
    const placed: ProfileGroup[] = [];
    for (const region of regions) {
      for (const specialty of [ALL_SPECIALTIES, ...specialties]) {
        const group = this.group(specialty, region);
        (group.bands[band] ??= new Set()).add(slot);
        if (key > group.max[band]!) group.max[band] = key;
        if (band > group.top) group.top = band;
        countAlsoHeld(group, specialties, 1);
        placed.push(group);
      }
    }
    this.placedIn[slot] = placed;
    this.bandOf[slot] = band;
    this.specialtiesOf[slot] = specialties;
  }

  remove(slot: number): void {
    const band = this.bandOf[slot];
    if (band === undefined) return;
    for (const group of this.placedIn[slot]!) {
      group.bands[band]!.delete(slot);
      countAlsoHeld(group, this.specialtiesOf[slot]!, -1);
    }
    this.placedIn[slot] = [];
  }

  /** The groups of one specialty (or ALL_SPECIALTIES), by region number. */
  of(specialty: string): ReadonlyMap<number, ProfileGroup> {
    return this.groups.get(specialty) ?? new Map();
  }

  private group(specialty: string, region: number): ProfileGroup {
    let byRegion = this.groups.get(specialty);
    if (!byRegion) this.groups.set(specialty, (byRegion = new Map()));
    let group = byRegion.get(region);
    if (!group) byRegion.set(region, (group = { specialty, alsoHeld: new Map(), bands: [], max: new Float64Array(BANDS).fill(-Infinity), top: -1 }));
    return group;
  }
}

function countAlsoHeld(group: ProfileGroup, specialties: string[], by: 1 | -1): void {
  if (group.specialty === ALL_SPECIALTIES) return;
  for (const code of specialties) {
    if (code === group.specialty) continue;
    const count = (group.alsoHeld.get(code) ?? 0) + by;
    if (count > 0) group.alsoHeld.set(code, count);
    else group.alsoHeld.delete(code);
  }
}

/** At most how many of these specialties an expert of the group holds. */
export function specialtyHitsBound(group: ProfileGroup, needed: readonly string[]): number {
  if (group.specialty === ALL_SPECIALTIES) return 0;
  if (needed.length <= 1 || !group.alsoHeld.size) return 1;
  let hits = 0;
  for (const code of needed) if (code === group.specialty || group.alsoHeld.has(code)) hits++;
  return hits;
}

/**
 * The bands still to score for one request, highest bound first. A band's bound is
 * (`base` + the band's highest static score) × `scale`, in the units of the score.
 */
export class BandQueue {
  private readonly bounds: number[] = [];
  private readonly entries: { group: ProfileGroup; band: number; base: number }[] = [];

  constructor(private readonly scale: number) {}

  /** Queues the highest band at or below `below` of the group that holds a slot. */
  push(group: ProfileGroup, below: number, base: number): void {
    let band = below;
    while (band >= 0 && !group.bands[band]?.size) band--;
    if (band < 0) return;
    const bound = (base + group.max[band]!) * this.scale;
    const { bounds, entries } = this;
    let at = bounds.push(bound) - 1;
    entries.push({ group, band, base });
    const entry = entries[at]!;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (bounds[parent]! >= bound) break;
      bounds[at] = bounds[parent]!;
      entries[at] = entries[parent]!;
      at = parent;
    }
    bounds[at] = bound;
    entries[at] = entry;
  }

  /** No slot still queued can score above this; -Infinity when the queue is empty. */
  bound(): number {
    return this.bounds[0] ?? -Infinity;
  }

  /** Takes the band with the highest bound (its group's next band is queued) and returns its slots. */
  pop(): Iterable<number> {
    const { bounds, entries } = this;
    const top = entries[0]!;
    const lastBound = bounds.pop()!;
    const lastEntry = entries.pop()!;
    if (bounds.length) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= bounds.length) break;
        const r = l + 1;
        const best = r < bounds.length && bounds[r]! > bounds[l]! ? r : l;
        if (bounds[best]! <= lastBound) break;
        bounds[i] = bounds[best]!;
        entries[i] = entries[best]!;
        i = best;
      }
      bounds[i] = lastBound;
      entries[i] = lastEntry;
    }
    const slots = Array.from(top.group.bands[top.band]!);
    this.push(top.group, top.band - 1, top.base);
    return slots;
  }
}
