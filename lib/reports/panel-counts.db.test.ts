import fc from "fast-check";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, rowsOf } from "@/db";
import { offers, requests, returnVisits } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { createAcceptedCase } from "@/test/accepted-case";
import { useTestDatabase } from "@/test/database";
import { createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import {
  deadlineBreachesFromCounts,
  deadlineBreachesFromOffers,
  declinedOffersFromCounts,
  declinedOffersFromOffers,
  getDashboardPanels,
  satisfactionFromCounts,
  satisfactionFromRequests,
} from "./dashboard";
import { makePeriod } from "./period";
import { reportScope } from "./scope";

useTestDatabase();

/*
 * The dashboard's declined offers, deadline breaches and satisfaction panels read report_panel_counts
 * (migrations 0042, 0062) for whole months; these random sequences of the writes that change them
 * (offers made, declined, expired, answered again or removed; ratings and closings; return visits and their corrections; a request
 * moved to another town or county) hold the counts to the offers, requests and visits themselves, for
 * every kind of scope (towns included: migration 0049), and to a rebuild.
 */
describe("the dashboard's panel counts", () => {
  // two towns of 嘉善县 (a move between them stays in the county but leaves the town), and counties
  const regions = ["330421001", "330421002", "330424", "310118", "320509"];
  const scopes = [null, "330421", "330400", "310118", "330421001", "330421002"].map((regionScope) => reportScope({ regionScope }));
  const periods = [makePeriod("2025-01-01", "2026-12-31"), makePeriod("2025-03-01", "2025-08-31"), makePeriod("2026-02-01", "2026-02-28")];
  const reasons = [null, "capacity", "conflict", "expertise"];
  let admin: Actor, enterprise: Actor, experts: Actor[];

  beforeAll(async () => {
    admin = await createAdminActor();
    enterprise = await createEnterpriseActor();
    experts = [await createExpertActor(), await createExpertActor(), await createExpertActor()];
  });

  const instant = (month: number, day: number) =>
    new Date(`${2025 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}T23:30:00+08:00`);
  const when = fc.record({ month: fc.nat(23), day: fc.integer({ min: 1, max: 28 }) });
  const op = fc.oneof(
    fc.record({
      kind: fc.constant("offer" as const),
      expert: fc.nat(2),
      status: fc.constantFrom("pending", "declined", "expired" as const),
      reason: fc.nat(3),
      when,
    }),
    fc.record({
      kind: fc.constant("answer" as const),
      target: fc.nat(),
      status: fc.constantFrom("declined", "expired", "pending" as const),
      reason: fc.nat(3),
      when,
    }),
    fc.record({ kind: fc.constant("removeOffer" as const), target: fc.nat() }),
    fc.record({ kind: fc.constant("rate" as const), stars: fc.option(fc.integer({ min: 1, max: 5 })) }),
    fc.record({ kind: fc.constant("close" as const), when: fc.option(when) }),
    fc.record({ kind: fc.constant("visit" as const), satisfaction: fc.integer({ min: 1, max: 5 }), when }),
    fc.record({ kind: fc.constant("revisit" as const), target: fc.nat(), satisfaction: fc.integer({ min: 1, max: 5 }), when }),
    fc.record({ kind: fc.constant("move" as const), region: fc.nat(regions.length - 1) }),
  );

  let runs = 0;
  it("equal the offers, ratings and visits they count, after any sequence of writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        runs += 1;
        const requestId = await createAcceptedCase({
          enterprise,
          expert: experts[0]!,
          status: "in_progress",
          regionCode: regions[runs % regions.length],
        });
        const offerIds: string[] = [];
        const visitIds: string[] = [];
        for (const step of ops) {
          if (step.kind === "offer") {
            const answered = step.status === "pending" ? null : instant(step.when.month, step.when.day);
            const [row] = await db
              .insert(offers)
              .values({
                requestId,
                expertId: experts[step.expert]!.expertId!,
                status: step.status,
                expiresAt: instant(step.when.month, step.when.day),
                answeredAt: answered,
                declineReason: step.status === "declined" ? reasons[step.reason] : null,
              })
              .onConflictDoNothing()
              .returning({ id: offers.id });
            if (row) offerIds.push(row.id);
          } else if (step.kind === "answer" && offerIds.length) {
            await db
              .update(offers)
              .set({
                status: step.status,
                answeredAt: step.status === "pending" ? null : instant(step.when.month, step.when.day),
                declineReason: step.status === "declined" ? reasons[step.reason] : null,
              })
              .where(eq(offers.id, offerIds[step.target % offerIds.length]!))
              // a second pending offer to the same expert is refused by its unique index: nothing changes
              .catch(() => null);
          } else if (step.kind === "removeOffer" && offerIds.length) {
            await db.delete(offers).where(eq(offers.id, offerIds.splice(step.target % offerIds.length, 1)[0]!));
          } else if (step.kind === "rate") {
            await db.update(requests).set({ rating: step.stars }).where(eq(requests.id, requestId));
          } else if (step.kind === "close") {
            await db
              .update(requests)
              .set({ closedAt: step.when ? instant(step.when.month, step.when.day) : null })
              .where(eq(requests.id, requestId));
          } else if (step.kind === "visit") {
            const visitedOn = instant(step.when.month, step.when.day).toISOString().slice(0, 10);
            const [row] = await db
              .insert(returnVisits)
              .values({ requestId, visitedOn, visitedBy: admin.userId, satisfaction: step.satisfaction })
              .returning({ id: returnVisits.id });
            visitIds.push(row!.id);
          } else if (step.kind === "revisit" && visitIds.length) {
            const visitedOn = instant(step.when.month, step.when.day).toISOString().slice(0, 10);
            await db
              .update(returnVisits)
              .set({ satisfaction: step.satisfaction, visitedOn })
              .where(eq(returnVisits.id, visitIds[step.target % visitIds.length]!));
          } else if (step.kind === "move") {
            await db.update(requests).set({ regionCode: regions[step.region]! }).where(eq(requests.id, requestId));
          }
        }
        for (const scope of scopes)
          for (const period of periods) {
            expect(await declinedOffersFromCounts(period, scope)).toEqual(await declinedOffersFromOffers(period, scope));
            expect(await deadlineBreachesFromCounts(period, scope)).toEqual(await deadlineBreachesFromOffers(period, scope));
            expect(await satisfactionFromCounts(period, scope)).toEqual(await satisfactionFromRequests(period, scope));
          }
      }),
      { numRuns: 60 },
    );
    const panels = await getDashboardPanels(admin, periods[0]!);
    expect(panels.declines.reduce((acc, d) => acc + d.count, 0)).toBeGreaterThan(0);
    expect(panels.satisfaction.returnVisits).toBeGreaterThan(0);
    expect(panels.breaches.total).toBeGreaterThan(0);
  }, 240_000);

  it("list the ten experts with the most deadline breaches (the first by id among equals at the edge), by name among equals, and count them all", async () => {
    // 12 experts: one with 3 breaches, three with 2, eight with 1 (in 2027, which nothing above writes)
    const breaching = await Promise.all(Array.from({ length: 12 }, () => createExpertActor()));
    const requestId = await createAcceptedCase({ enterprise, expert: experts[0]!, status: "in_progress", regionCode: "330421001" });
    const times = [3, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1];
    await db.insert(offers).values(
      breaching.flatMap((expert, i) =>
        Array.from({ length: times[i]! }, (_, k) => ({
          requestId,
          expertId: expert.expertId!,
          status: "expired" as const,
          expiresAt: new Date(`2027-0${k + 1}-15T10:00:00+08:00`),
        })),
      ),
    );
    const inNameOrder = async (some: Actor[]) =>
      rowsOf<{ id: string }>(await db.execute(sql`select id from experts where id in ${some.map((e) => e.expertId!)} order by name, id`)).map(
        (r) => r.id,
      );
    const firstById = breaching
      .slice(4)
      .sort((a, b) => (a.expertId! < b.expertId! ? -1 : 1))
      .slice(0, 6);
    const [twice, once] = [await inNameOrder(breaching.slice(1, 4)), await inNameOrder(firstById)];
    const year = makePeriod("2027-01-01", "2027-12-31");
    for (const scope of [reportScope({ regionScope: null }), reportScope({ regionScope: "330421001" })]) {
      const breaches = await deadlineBreachesFromCounts(year, scope);
      expect(breaches.total).toBe(17);
      expect(breaches.byExpert.map((b) => [b.expertId, b.count])).toEqual([
        [breaching[0]!.expertId, 3],
        ...twice.map((id) => [id, 2]),
        ...once.map((id) => [id, 1]),
      ]);
      expect(await deadlineBreachesFromOffers(year, scope)).toEqual(breaches);
    }
    expect(await deadlineBreachesFromCounts(year, reportScope({ regionScope: "310118" }))).toEqual({ total: 0, byExpert: [] });
  });

  it("equal a rebuild from the offers, requests and visits", async () => {
    // a count taken back to zero says nothing
    const snapshot = async () =>
      rowsOf<Record<string, string>>(
        await db.execute(
          sql`select panel, key, month::text, region_code, count::text, total::text from report_panel_counts where count <> 0 or total <> 0 order by 1, 2, 3, 4`,
        ),
      );
    const kept = await snapshot();
    expect(kept.length).toBeGreaterThan(0);
    await db.execute(sql`select report_panel_counts_rebuild()`);
    expect(await snapshot()).toEqual(kept);
  });
});
