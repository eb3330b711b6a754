import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankFacts } from "./candidates";
import { exclusionOf } from "./exclusions";
import { ProfileTable } from "./profile-table";
import type { RoutingSettings } from "./schemas";
import { facts as baseFacts, request as baseRequest } from "@/test/routing-facts";
import type { CandidateFacts, RoutingRequest } from "./types";
import { defaultRoutingSettings } from "./weights";

const SPECIALTIES = ["debt_collection", "contract", "labor", "ip", "lease"];
const REGIONS = ["330421", "330421105", "310118", "320509", "330402", "310115", "340104", "31"];
const DATES = ["2025-01-01", "2026-05-31", "2026-06-01", "2026-06-02", "2028-01-01"];
const NOW = new Date("2026-06-01T04:00:00Z");
const TODAY = "2026-06-01";
const DAY = 86_400_000;

const subset = <T>(values: T[]) => fc.subarray(values);
const maybeDate = fc.option(fc.constantFrom(...DATES), { nil: null });

const expertArb = fc.record({
  status: fc.constantFrom("active", "active", "active", "suspended", "retired", "expired"),
  termStart: maybeDate,
  termEnd: maybeDate,
  pausedUntil: maybeDate,
  capacity: fc.integer({ min: 0, max: 6 }),
  activeCases: fc.integer({ min: 0, max: 6 }),
  pendingOffers: fc.integer({ min: 0, max: 2 }),
  homeRegionCode: fc.constantFrom(...REGIONS),
  servedRegions: subset(REGIONS),
  specialties: subset(SPECIALTIES),
  languages: subset(["zh", "wu", "en"]),
  serviceModes: subset(["onsite", "online", "joint"]),
  offersAccepted: fc.nat(40),
  offersDeclined: fc.nat(40),
  offersExpired: fc.nat(10),
  casesResolved: fc.nat(30),
  casesReassigned: fc.nat(5),
  ratingCount: fc.nat(20),
  rotationHeat: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 8, noNaN: true })),
  rotationAgeDays: fc.double({ min: -1, max: 200, noNaN: true }),
});

const requestArb = fc.record({
  regionCode: fc.constantFrom("330421002", "310118102", "320509104", "330402", "340104"),
  specialties: subset(SPECIALTIES),
  specialtiesFromCategory: fc.boolean(),
  language: fc.constantFrom(null, "wu", "en"),
  serviceMode: fc.constantFrom(null, "onsite", "online"),
});

const weightsArb = fc.record({
  specialty: fc.nat(50),
  region: fc.nat(50),
  load: fc.nat(50),
  languageMode: fc.nat(50),
  trackRecord: fc.nat(50),
  rotation: fc.nat(50),
});

type ExpertDraft = typeof expertArb extends fc.Arbitrary<infer T> ? T : never;

function rosterOf(experts: ExpertDraft[]): CandidateFacts[] {
  return experts.map(({ rotationAgeDays, ratingCount, ...e }, i) =>
    baseFacts({
      ...e,
      expertId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      name: "",
      ratingCount,
      ratingSum: ratingCount * 4,
      rotationAt: e.rotationHeat > 0 ? NOW.getTime() - rotationAgeDays * DAY : null,
    } as Partial<CandidateFacts>),
  );
}

describe("the profile table", () => {
  it("ranks exactly as the per-expert rules do: the same candidates, scores to the last bit, and order", () => {
    fc.assert(
      fc.property(
        fc.array(expertArb, { maxLength: 40 }),
        requestArb,
        weightsArb,
        fc.array(fc.nat(39), { maxLength: 5 }),
        (experts, r, weights, ruledOutAt) => {
          const request: RoutingRequest = { ...baseRequest, ...r, serviceMode: r.serviceMode as RoutingRequest["serviceMode"] };
          const settings: RoutingSettings = { ...defaultRoutingSettings, weights };
          const roster = rosterOf(experts);
          const ruledOut = new Set(ruledOutAt.filter((i) => i < roster.length).map((i) => roster[i]!.expertId));
          const table = new ProfileTable();
          for (const f of roster) table.put(f, 1);

          const expected = rankFacts(
            request,
            roster.filter((f) => !ruledOut.has(f.expertId) && !exclusionOf(request, f, TODAY)),
            settings,
            NOW,
          );
          const actual = table.rank(request, settings, NOW, TODAY, ruledOut, new Map());
          expect(Array.from(actual, (c) => [c.expertId, c.exact, c.rank])).toEqual(Array.from(expected, (c) => [c.expertId, c.exact, c.rank]));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("ranks best first on bounds exactly as scoring every expert does, however far it is read", () => {
    // Experts drawn from few values, so many tie on the score and the order falls to rotation and id.
    const tieArb = expertArb.map((e) => ({
      ...e,
      offersAccepted: 0,
      offersDeclined: 0,
      offersExpired: 0,
      casesResolved: 0,
      casesReassigned: 0,
      ratingCount: 0,
      rotationHeat: 0,
    }));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(expertArb, tieArb), { minLength: 50, maxLength: 300 }),
        requestArb,
        weightsArb,
        fc.array(fc.nat(299), { maxLength: 20 }),
        fc.nat(60),
        (experts, r, weights, ruledOutAt, reading) => {
          const request: RoutingRequest = { ...baseRequest, ...r, serviceMode: r.serviceMode as RoutingRequest["serviceMode"] };
          const settings: RoutingSettings = { ...defaultRoutingSettings, weights };
          const roster = rosterOf(experts);
          const ruledOut = new Set(ruledOutAt.filter((i) => i < roster.length).map((i) => roster[i]!.expertId));
          const table = new ProfileTable();
          for (const f of roster) table.put(f, 1);
          const full = Array.from(table.rankAll(request, settings, NOW, TODAY, ruledOut, new Map()), (c) => [c.expertId, c.exact, c.rank]);
          const bounded = table.rank(request, settings, NOW, TODAY, ruledOut, new Map());
          expect(bounded.top(reading).map((c) => [c.expertId, c.exact, c.rank])).toEqual(full.slice(0, reading));
          expect(Array.from(bounded, (c) => [c.expertId, c.exact, c.rank])).toEqual(full);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("goes on from the new profiles when the table changes while a ranking is read, handing nobody out twice", () => {
    fc.assert(
      fc.property(
        fc.array(expertArb, { minLength: 20, maxLength: 120 }),
        requestArb,
        fc.nat(10),
        fc.array(fc.nat(119), { maxLength: 10 }),
        (experts, r, reading, changedAt) => {
          const request: RoutingRequest = { ...baseRequest, ...r, serviceMode: r.serviceMode as RoutingRequest["serviceMode"] };
          const roster = rosterOf(experts);
          const table = new ProfileTable();
          for (const f of roster) table.put(f, 1);
          const ranking = table.rank(request, defaultRoutingSettings, NOW, TODAY, new Set(), new Map());
          const first = ranking.top(reading);
          // Each changed expert takes on fresh figures (an empty caseload, no offers yet) and drops a specialty.
          const changed = changedAt
            .filter((i) => i < roster.length)
            .map((i) => ({
              ...roster[i]!,
              specialties: roster[i]!.specialties.slice(1),
              activeCases: 0,
              pendingOffers: 0,
              rotationHeat: 0,
              rotationAt: null,
            }));
          changed.forEach((f, k) => table.put(f, 2 + k));
          const rest = Array.from(ranking).slice(first.length);
          const handedOut = new Set(first.map((c) => c.expertId));
          const expected = Array.from(table.rankAll(request, defaultRoutingSettings, NOW, TODAY, handedOut, new Map()), (c) => [c.expertId, c.exact]);
          expect(rest.map((c) => [c.expertId, c.exact])).toEqual(expected);
          expect(rest.map((c) => c.rank)).toEqual(rest.map((_, i) => first.length + i + 1));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("scores a few experts, not every holder of either, for a request asking specialties nobody holds together", () => {
    const table = new ProfileTable();
    const request = { ...baseRequest, specialties: ["ip", "lease"] };
    const roster = Array.from({ length: 2000 }, (_, i) =>
      baseFacts({
        expertId: `e${String(i).padStart(4, "0")}`,
        specialties: i % 2 ? ["ip"] : ["lease"],
        activeCases: i % 5,
        capacity: 5,
        offersAccepted: (i * 7) % 40,
        offersDeclined: (i * 11) % 13,
        casesResolved: (i * 3) % 30,
      }),
    );
    roster.forEach((f) => table.put(f, 1));
    const ranking = table.rank(request, defaultRoutingSettings, NOW, TODAY, new Set(), new Map());
    const best = ranking.top(10);
    const all = table.rankAll(request, defaultRoutingSettings, NOW, TODAY, new Set(), new Map());
    expect(best.map((c) => [c.expertId, c.exact])).toEqual(all.top(10).map((c) => [c.expertId, c.exact]));
    expect(all.scored).toBe(2000);
    expect(ranking.scored).toBeLessThan(200);
    // Once somebody holds both, the bound counts both again, and that expert comes first.
    table.put({ ...roster[1999]!, specialties: ["ip", "lease"] }, 2);
    expect(table.rank(request, defaultRoutingSettings, NOW, TODAY, new Set(), new Map()).top(1)[0]!.expertId).toBe("e1999");
  });

  it("keeps the later revision of a profile, whatever order they arrive in", () => {
    const table = new ProfileTable();
    const request = { ...baseRequest, specialties: [] };
    expect(table.put(baseFacts({ expertId: "a", capacity: 1, activeCases: 0 }), 2)).toBe(true);
    expect(table.put(baseFacts({ expertId: "a", capacity: 1, activeCases: 1 }), 1)).toBe(false);
    expect(Array.from(table.rank(request, defaultRoutingSettings, NOW, TODAY, new Set(), new Map())).length).toBe(1);
    expect(table.put(baseFacts({ expertId: "a", capacity: 1, activeCases: 1 }), 3)).toBe(true);
    expect(Array.from(table.rank(request, defaultRoutingSettings, NOW, TODAY, new Set(), new Map())).length).toBe(0);
  });

  it("takes a profile the caller's own transaction wrote in place of the kept one, for that call only", () => {
    const table = new ProfileTable();
    const request = { ...baseRequest, specialties: [] };
    table.put(baseFacts({ expertId: "a" }), 1);
    table.put(baseFacts({ expertId: "b" }), 1);
    const full = baseFacts({ expertId: "a", activeCases: 5, capacity: 5 });
    const fresh = baseFacts({ expertId: "c" });
    const replaced = new Map([
      ["a", full],
      ["c", fresh],
    ]);
    expect(Array.from(table.rank(request, defaultRoutingSettings, NOW, TODAY, new Set(), replaced), (c) => c.expertId).sort()).toEqual(["b", "c"]);
    expect(Array.from(table.rank(request, defaultRoutingSettings, NOW, TODAY, new Set(), new Map()), (c) => c.expertId).sort()).toEqual(["a", "b"]);
  });

  it("grows past its first allocation and keeps columns made before it grew", () => {
    const table = new ProfileTable();
    const request = { ...baseRequest, specialties: ["ip"], language: "wu" };
    table.put(baseFacts({ expertId: "first", specialties: ["ip"], languages: ["wu"] }), 1);
    expect(Array.from(table.rank(request, defaultRoutingSettings, NOW, TODAY, new Set(), new Map())).length).toBe(1);
    for (let i = 0; i < 500; i++) table.put(baseFacts({ expertId: `e${i}`, specialties: i % 2 ? ["ip"] : ["lease"], languages: ["wu"] }), 1);
    expect(table.size).toBe(501);
    expect(Array.from(table.rank(request, defaultRoutingSettings, NOW, TODAY, new Set(), new Map())).length).toBe(251);
  });
});
