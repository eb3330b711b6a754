/**
 * The routing profiles grouped for best-first ranking (ProfileTable.rank): one group per specialty
 * and region an expert has (and one per region for every expert, under ALL_SPECIALTIES), each cut
 * into bands by the expert's "static" score (the parts that do not depend on the request: load,
 * track record and rotation, weighted). A request's bound for a band of a group is then its
 * specialty and region value (the same for the whole group), the best language and mode value, and
 * the highest static score in the band: no expert in it can score more. Only experts open for work
 * (active, with room) are grouped; the other filters are checked when a band is scored.
 */
export const ALL_SPECIALTIES = "*";
/** Bands per group: finer bands score fewer experts past the last one needed, at more steps. */
const BANDS = 64;

export interface ProfileGroup {
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
  private keyMax = 0;

  /** Empties the groups, for static scores whose highest possible value is `keyMax`. */
  reset(keyMax: number): void {
    this.groups = new Map();
    this.placedIn = [];
    this.bandOf = [];
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
        placed.push(group);
      }
    }
    this.placedIn[slot] = placed;
    this.bandOf[slot] = band;
  }

  remove(slot: number): void {
    const band = this.bandOf[slot];
    if (band === undefined) return;
    for (const group of this.placedIn[slot]!) group.bands[band]!.delete(slot);
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
    if (!group) byRegion.set(region, (group = { bands: [], max: new Float64Array(BANDS).fill(-Infinity), top: -1 }));
    return group;
  }
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
