import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as acceptRoute } from "@/app/api/v1/offers/[id]/accept/route";
import { db } from "@/db";
import { offers, requests, specialties } from "@/db/schema";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { createTriagedRequest } from "@/test/routing-fixtures";
import { acceptOffer } from "./accept-offer";
import { expireOffer } from "./expire-offers";
import { reassignCase } from "./reassign-case";
import { routeRequest } from "./route-request";

/**
 * Acceptance under contention. On PostgreSQL (DATABASE_URL) the calls really run at once on many
 * connections; on PGlite they queue on its one connection, and the answers must be the same.
 */
useTestDatabase();

const ROUNDS = 4;
const CALLERS = 50;

async function setup() {
  const code = `race_${Math.random().toString(36).slice(2, 10)}`;
  await db.insert(specialties).values({ code, nameZh: code, nameEn: code });
  const admin = await createAdminActor();
  const enterprise = await createEnterpriseActor();
  const first = await createExpertActor({ specialties: [code], homeRegionCode: "330421", capacity: 100 });
  const second = await createExpertActor({ specialties: [code], homeRegionCode: "340104", regions: ["340104"] });
  const requestId = await createTriagedRequest(enterprise, { specialties: [code] });
  return { admin, first, second, requestId };
}

const acceptedRows = async (requestId: string) =>
  db
    .select({ id: offers.id, expertId: offers.expertId })
    .from(offers)
    .where(and(eq(offers.requestId, requestId), eq(offers.status, "accepted")));

describe("simultaneous acceptance", () => {
  it(`of one offer by ${CALLERS} callers: exactly one 200, the rest 409, one accepted row`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { admin, first, requestId } = await setup();
      const offer = await routeRequest(admin, requestId, {});
      expect(offer.expertId).toBe(first.expertId);
      const token = await bearerFor(first);
      const call = () =>
        acceptRoute(
          new Request(`http://localhost/api/v1/offers/${offer.offerId}/accept`, { method: "POST", headers: { authorization: `Bearer ${token}` } }),
          {
            params: Promise.resolve({ id: offer.offerId }),
          },
        );
      const statuses = (await Promise.all(Array.from({ length: CALLERS }, call))).map((r) => r.status);
      const ok = statuses.filter((s) => s === 200).length;
      expect(ok).toBe(1);
      expect(statuses.filter((s) => s === 409).length).toBe(CALLERS - 1);
      expect((await acceptedRows(requestId)).length).toBe(ok);
      const [request] = await db.select().from(requests).where(eq(requests.id, requestId));
      expect(request).toMatchObject({ status: "accepted", assignedExpertId: first.expertId });
    }
  });

  it("of an urgent request's first-responder offers, 50 times: one expert wins, the others get 409, none is left pending", async () => {
    for (let round = 0; round < 50; round++) {
      const code = `race_${Math.random().toString(36).slice(2, 10)}`;
      await db.insert(specialties).values({ code, nameZh: code, nameEn: code });
      const admin = await createAdminActor();
      const enterprise = await createEnterpriseActor();
      const team = await Promise.all([0, 1, 2].map(() => createExpertActor({ specialties: [code], capacity: 10 })));
      const requestId = await createTriagedRequest(enterprise, { specialties: [code], urgency: "urgent" });
      const routed = await routeRequest(admin, requestId, {});
      expect(routed.offers).toHaveLength(3);
      const calls = await Promise.all(
        routed.offers.map(async (offer) => {
          const token = await bearerFor(team.find((a) => a.expertId === offer.expertId)!);
          return () =>
            acceptRoute(
              new Request(`http://localhost/api/v1/offers/${offer.offerId}/accept`, {
                method: "POST",
                headers: { authorization: `Bearer ${token}` },
              }),
              { params: Promise.resolve({ id: offer.offerId }) },
            );
        }),
      );
      const statuses = (await Promise.all(calls.map((call) => call()))).map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(2);
      const accepted = await acceptedRows(requestId);
      expect(accepted).toHaveLength(1);
      const [request] = await db.select().from(requests).where(eq(requests.id, requestId));
      expect(request).toMatchObject({ status: "accepted", assignedExpertId: accepted[0]!.expertId });
      const rest = await db.select({ status: offers.status }).from(offers).where(eq(offers.requestId, requestId));
      expect(rest.map((o) => o.status).sort()).toEqual(["accepted", "withdrawn", "withdrawn"]);
    }
  });

  it("against the deadline job and an admin's reassignment: one winner, and the records agree", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { admin, first, requestId } = await setup();
      const offeredAt = new Date(Date.now() - 48 * 3_600_000);
      const offer = await routeRequest(admin, requestId, {}, { now: offeredAt });
      // The expert answers one second before the deadline by their clock; the job runs one second after.
      const beforeDeadline = new Date(offer.expiresAt.getTime() - 1000);
      const afterDeadline = new Date(offer.expiresAt.getTime() + 1000);
      const outcomes = await Promise.allSettled([
        ...Array.from({ length: 10 }, () => acceptOffer(first, offer.offerId, { now: beforeDeadline })),
        expireOffer(offer.offerId, { now: afterDeadline }),
        reassignCase(admin, requestId, { reason: "同时改派" }, { now: afterDeadline }),
        ...Array.from({ length: 10 }, () => acceptOffer(first, offer.offerId, { now: beforeDeadline })),
      ]);
      const accepts = [...outcomes.slice(0, 10), ...outcomes.slice(12)];
      const acceptedOk = accepts.filter((o) => o.status === "fulfilled").length;
      const rejected = accepts.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason as { code?: string });
      expect(rejected.filter((e) => e.code !== "conflict")).toEqual([]);
      const expired = outcomes[10]!.status === "fulfilled" && (outcomes[10] as PromiseFulfilledResult<boolean>).value;
      const reassigned = outcomes[11]!.status === "fulfilled";

      const [firstOffer] = await db.select().from(offers).where(eq(offers.id, offer.offerId));
      // the offer ended in exactly one state, and it matches who won
      expect(acceptedOk + Number(expired)).toBe(1);
      if (expired) expect(firstOffer!.status).toBe("expired");
      else expect(firstOffer!.status).toBe(reassigned ? "withdrawn" : "accepted");
      // never two accepted offers, and an assigned expert only with an accepted offer
      const accepted = await acceptedRows(requestId);
      expect(accepted.length).toBeLessThanOrEqual(1);
      const [request] = await db.select().from(requests).where(eq(requests.id, requestId));
      expect(request!.assignedExpertId ?? null).toBe(accepted[0]?.expertId ?? null);
      const open = await db
        .select()
        .from(offers)
        .where(and(eq(offers.requestId, requestId), inArray(offers.status, ["pending"])));
      expect(open.length).toBeLessThanOrEqual(1);
    }
  });
});
