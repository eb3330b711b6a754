import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { experts, specialties } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { setClock, todayInShanghai } from "@/lib/clock";
import { useTestDatabase } from "@/test/database";
import { createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { createTriagedRequest, declareConflict } from "@/test/routing-fixtures";
import { loadCandidateFacts } from "./candidate-rows";
import { explainCandidate, listCandidates, rankFacts, type ExcludedCandidate } from "./candidates";
import { declineOffer } from "./decline-offer";
import { exclusionOf } from "./exclusions";
import { loadRoutingRequest } from "./load-routing-request";
import { routeRequest } from "./route-request";
import { skipExpert } from "./skip-expert";
import { CANDIDATES_MAX } from "./schemas";
import { getRoutingSettings } from "./weights";

useTestDatabase();
afterEach(() => setClock(null));

/**
 * The admin's list as it was made before it was bounded: every expert's facts from SQL, each one
 * explained, with the names read from the experts themselves (the list shows the profiles' copies).
 */
async function everyCandidate(requestId: string, now: Date) {
  const request = (await loadRoutingRequest(db, requestId))!;
  const today = todayInShanghai(now);
  const [settings, profiles, names] = await Promise.all([
    getRoutingSettings(),
    loadCandidateFacts(db, request, { kind: "all" }, today),
    db.select({ id: experts.id, name: experts.name }).from(experts),
  ]);
  const nameOf = new Map(names.map((e) => [e.id, e.name]));
  const facts = profiles.map((f) => ({ ...f, name: nameOf.get(f.expertId)! }));
  const excluded: ExcludedCandidate[] = [];
  const eligible = facts.filter((f) => {
    const why = exclusionOf(request, f, today);
    if (why) excluded.push({ expertId: f.expertId, name: f.name, why });
    return !why;
  });
  excluded.sort((a, b) => a.why.code.localeCompare(b.why.code) || a.name.localeCompare(b.name, "zh-CN"));
  const ranked = Array.from(rankFacts(request, eligible, settings, now), (c) => explainCandidate(request, c, settings, now));
  return { ranked, excluded };
}

const oneIn = (k: number) => fc.integer({ min: 1, max: k }).map((x) => x === 1);
const REGIONS = ["330421", "310118", "320509", "340104"];
const rosterArb = fc.array(
  fc.record({
    status: fc.constantFrom("active" as const, "active" as const, "active" as const, "suspended" as const, "retired" as const),
    specialties: fc.subarray([0, 1, 2], { minLength: 1 }),
    homeRegionCode: fc.constantFrom(...REGIONS),
    regions: fc.subarray(REGIONS),
    capacity: fc.integer({ min: 0, max: 4 }),
    termStart: fc.constantFrom<string | null>("2025-01-01", "2025-01-01", "2025-01-01", null, "2099-01-01"),
    paused: oneIn(8),
    languages: fc.constantFrom<string[]>(["zh"], ["zh", "wu"]),
    serviceModes: fc.constantFrom<("onsite" | "online")[][]>(["onsite"], ["online"], ["onsite", "online"]),
    conflict: oneIn(8),
    skipped: oneIn(8),
  }),
  { minLength: 8, maxLength: 30 },
);
const requestArb = fc.record({
  specialties: fc.subarray([0, 1, 2], { minLength: 1 }),
  regionCode: fc.constantFrom("330421002", "310118102", "340104"),
  language: fc.constantFrom(null, "wu"),
  serviceMode: fc.constantFrom(null, "online" as const),
  declines: fc.integer({ min: 0, max: 2 }),
  limit: fc.constantFrom(1, 3, 8, 20, CANDIDATES_MAX),
});

let n = 0;
describe("the admin's candidate list", () => {
  it("shows what the full per-expert list showed, as far as it goes: the same experts, scores, reasons and order, ranked and excluded", async () => {
    const admin = await createAdminActor();
    const enterprise = await createEnterpriseActor();
    const samples = fc.sample(fc.noBias(fc.tuple(rosterArb, requestArb)), { seed: 2026, numRuns: 8 });
    for (const [roster, asked] of samples) {
      n += 1;
      const codes = [`c_${n}_a`, `c_${n}_b`, `c_${n}_c`];
      await db.insert(specialties).values(codes.map((code) => ({ code, nameZh: code, nameEn: code })));
      const team: Actor[] = [];
      for (const e of roster)
        team.push(
          await createExpertActor({
            status: e.status,
            specialties: e.specialties.map((i) => codes[i]!),
            homeRegionCode: e.homeRegionCode,
            regions: e.regions,
            capacity: e.capacity,
            termStart: e.termStart,
            pausedUntil: e.paused ? "2099-01-01" : null,
            languages: e.languages,
            serviceModes: e.serviceModes,
          }),
        );
      const party = `随机公司${n}有限公司`;
      for (const [i, e] of roster.entries()) if (e.conflict) await declareConflict(team[i]!, party);
      const requestId = await createTriagedRequest(enterprise, {
        specialties: asked.specialties.map((i) => codes[i]!),
        regionCode: asked.regionCode,
        language: asked.language,
        serviceMode: asked.serviceMode,
        counterparties: [{ name: party }],
      });
      for (const [i, e] of roster.entries()) if (e.skipped) await skipExpert(admin, requestId, { expertId: team[i]!.expertId!, reason: "测试" });
      for (let k = 0; k < asked.declines; k++) {
        const offer = await routeRequest(admin, requestId, {}).catch(() => null);
        if (!offer) break;
        await declineOffer(team.find((t) => t.expertId === offer.expertId)!, offer.offerId, { reason: "capacity" });
      }
      // Renamed experts are listed by their new names, in the new names' order.
      const renamed = team.filter((_, i) => i % 3 === 0).map((t) => t.expertId!);
      await db
        .update(experts)
        .set({ name: sql`'改' || ${experts.name}` })
        .where(inArray(experts.id, renamed));

      const now = new Date();
      setClock(now);
      const sameAsFull = async () => {
        const full = await everyCandidate(requestId, now);
        const shown = await listCandidates(admin, requestId, { now, limit: asked.limit });
        expect(shown.ranked).toEqual(full.ranked.slice(0, asked.limit));
        expect(shown.excluded).toEqual(full.excluded.slice(0, asked.limit));
        expect({ ranked: shown.rankedCount, excluded: shown.excludedCount }).toEqual({ ranked: full.ranked.length, excluded: full.excluded.length });
      };
      await sameAsFull();
      // again, from what the first look worked out and kept
      await sameAsFull();
      // one more expert ruled out on the request (the kept profiles unchanged), then one renamed (a profile changed)
      const open = roster.findIndex((e) => !e.skipped && !e.conflict);
      if (open >= 0) await skipExpert(admin, requestId, { expertId: team[open]!.expertId!, reason: "再测试" });
      await sameAsFull();
      await db
        .update(experts)
        .set({ name: sql`'再' || ${experts.name}` })
        .where(eq(experts.id, team.at(-1)!.expertId!));
      await sameAsFull();
    }
  }, 120_000);
});
