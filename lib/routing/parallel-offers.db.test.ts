import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { GET as offersRoute } from "@/app/api/v1/requests/[id]/offers/route";
import { POST as routeRoute } from "@/app/api/v1/requests/[id]/route/route";
import { db } from "@/db";
import { notifications, offers, requests, specialties } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { setClock } from "@/lib/clock";
import { defaultServiceLevels } from "@/lib/timeliness/defaults";
import { updateServiceLevels } from "@/lib/timeliness/service-levels";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { createTriagedRequest, type TriagedRequestOptions } from "@/test/routing-fixtures";
import { acceptOffer } from "./accept-offer";
import { declineOffer } from "./decline-offer";
import { expireOffer } from "./expire-offers";
import { listOffersForExpert, listRequestOffers } from "./queries";
import { routeRequest } from "./route-request";

/** First-responder offers: an urgent request goes to `parallelOffers.urgent` experts at once. */
useTestDatabase();
afterEach(() => setClock(null));

let n = 0;
async function world(experts: number, requestOptions: TriagedRequestOptions = {}) {
  n += 1;
  const code = `par_${Date.now().toString(36)}_${n}`;
  await db.insert(specialties).values({ code, nameZh: code, nameEn: code });
  const admin = await createAdminActor();
  const enterprise = await createEnterpriseActor();
  const team: Actor[] = [];
  for (let i = 0; i < experts; i++) team.push(await createExpertActor({ specialties: [code], name: `并行专家${i}`, capacity: 10 }));
  const requestId = await createTriagedRequest(enterprise, { specialties: [code], ...requestOptions });
  return { admin, team, requestId };
}

const offersOf = async (requestId: string) => db.select().from(offers).where(eq(offers.requestId, requestId)).orderBy(offers.createdAt, offers.rank);
const pendingOf = async (requestId: string) =>
  db
    .select()
    .from(offers)
    .where(and(eq(offers.requestId, requestId), eq(offers.status, "pending")));
const actorOf = (team: Actor[], expertId: string) => team.find((a) => a.expertId === expertId)!;

describe("first-responder offers", () => {
  it("a normal request still goes to one expert at a time", async () => {
    const { admin, requestId } = await world(4);
    const offer = await routeRequest(admin, requestId, {});
    expect(offer.offers).toEqual([{ offerId: offer.offerId, expertId: offer.expertId, expiresAt: offer.expiresAt }]);
    expect(await pendingOf(requestId)).toHaveLength(1);
  });

  it("an urgent request goes to the three best distinct experts at once; the route answers every offer and the first one's fields", async () => {
    const { admin, requestId } = await world(5, { urgency: "urgent" });
    const token = await bearerFor(admin);
    const response = await routeRoute(
      new Request(`http://localhost/api/v1/requests/${requestId}/route`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: "{}",
      }),
      { params: Promise.resolve({ id: requestId }) },
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as { offerId: string; expertId: string; expiresAt: string; offers: { offerId: string; expertId: string }[] };
    expect(body.offers).toHaveLength(3);
    expect(body.offers[0]).toEqual({ offerId: body.offerId, expertId: body.expertId, expiresAt: body.expiresAt });
    expect(new Set(body.offers.map((o) => o.expertId)).size).toBe(3);
    const pending = await pendingOf(requestId);
    expect(pending.map((o) => o.id).sort()).toEqual(body.offers.map((o) => o.offerId).sort());
    // best first: the ranks the offers were made at
    expect((await offersOf(requestId)).map((o) => o.rank)).toEqual([1, 2, 3]);
    const [request] = await db.select().from(requests).where(eq(requests.id, requestId));
    expect(request!.status).toBe("offered");
  });

  it("takes the count from the service levels", async () => {
    const root = await createAdminActor();
    await updateServiceLevels(root, { ...defaultServiceLevels, parallelOffers: { normal: 2, urgent: 4 } });
    try {
      const urgent = await world(5, { urgency: "urgent" });
      expect((await routeRequest(urgent.admin, urgent.requestId, {})).offers).toHaveLength(4);
      const normal = await world(5);
      expect((await routeRequest(normal.admin, normal.requestId, {})).offers).toHaveLength(2);
    } finally {
      await updateServiceLevels(root, defaultServiceLevels);
    }
  });

  it("an admin's pinned expert gets the only offer", async () => {
    const { admin, team, requestId } = await world(4, { urgency: "urgent" });
    const offer = await routeRequest(admin, requestId, { expertId: team[3]!.expertId! });
    expect(offer.offers.map((o) => o.expertId)).toEqual([team[3]!.expertId]);
    expect(await pendingOf(requestId)).toHaveLength(1);
  });

  it("the first acceptance wins: the others are withdrawn at once, their experts told, and accepting one answers 409", async () => {
    const { admin, team, requestId } = await world(4, { urgency: "urgent" });
    const at = new Date();
    setClock(at);
    const routed = await routeRequest(admin, requestId, {});
    const [winner, ...others] = routed.offers;
    await acceptOffer(actorOf(team, winner!.expertId), winner!.offerId);
    const rows = await offersOf(requestId);
    expect(rows.find((o) => o.id === winner!.offerId)!.status).toBe("accepted");
    for (const other of others) {
      const row = rows.find((o) => o.id === other.offerId)!;
      expect(row).toMatchObject({ status: "withdrawn", declineReason: "taken" });
      expect(row.answeredAt?.getTime()).toBe(at.getTime());
      const expert = actorOf(team, other.expertId);
      const told = await db
        .select({ kind: notifications.kind, data: notifications.data })
        .from(notifications)
        .where(and(eq(notifications.userId, expert.userId), eq(notifications.requestId, requestId)));
      expect(told).toContainEqual({ kind: "request.status", data: { event: "offer.taken", offerId: other.offerId } });
      await expect(acceptOffer(expert, other.offerId)).rejects.toMatchObject({ code: "conflict", messageKey: "routing.errors.offerWithdrawn" });
      // the expert still sees their offer and what became of it
      const mine = await listOffersForExpert(expert, { page: 1, pageSize: 20 });
      expect(mine.items.find((o) => o.id === other.offerId)).toMatchObject({ status: "withdrawn", declineReason: "taken" });
    }
    const [request] = await db.select().from(requests).where(eq(requests.id, requestId));
    expect(request).toMatchObject({ status: "accepted", assignedExpertId: winner!.expertId });
    expect(await pendingOf(requestId)).toHaveLength(0);
  });

  it("a decline refills up to the number, never offering an expert twice", async () => {
    const { admin, team, requestId } = await world(5, { urgency: "urgent" });
    const routed = await routeRequest(admin, requestId, {});
    const first = routed.offers[0]!;
    const answer = await declineOffer(actorOf(team, first.expertId), first.offerId, { reason: "capacity" });
    expect(answer.nextExpertId).not.toBeNull();
    const pending = await pendingOf(requestId);
    expect(pending).toHaveLength(3);
    expect(pending.map((o) => o.expertId)).not.toContain(first.expertId);
    // two declines more: only one expert has not had an offer, so two stay pending
    for (const offer of routed.offers.slice(1)) await declineOffer(actorOf(team, offer.expertId), offer.offerId, { reason: "expertise" });
    const rows = await offersOf(requestId);
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((o) => o.expertId)).size).toBe(5);
    expect(await pendingOf(requestId)).toHaveLength(2);
  });

  it("expiries refill too, and the request goes back to the admins only when no offer is left pending", async () => {
    const { admin, requestId } = await world(5, { urgency: "urgent" });
    const start = new Date();
    setClock(start);
    const routed = await routeRequest(admin, requestId, {});
    setClock(new Date(routed.expiresAt.getTime() + 1000));
    for (const offer of routed.offers) expect(await expireOffer(offer.offerId)).toBe(true);
    const refilled = await pendingOf(requestId);
    expect(refilled).toHaveLength(2);
    expect(refilled.map((o) => o.expertId).some((id) => routed.offers.some((o) => o.expertId === id))).toBe(false);
    const [offered] = await db.select().from(requests).where(eq(requests.id, requestId));
    expect(offered).toMatchObject({ status: "offered", needsAttention: false });
    setClock(new Date(refilled[0]!.expiresAt.getTime() + 1000));
    for (const offer of refilled) expect(await expireOffer(offer.id)).toBe(true);
    const [back] = await db.select().from(requests).where(eq(requests.id, requestId));
    expect(back).toMatchObject({ status: "triaged", needsAttention: true });
  });
});

describe("GET /api/v1/requests/:id/offers", () => {
  it("lists every offer of the request with its status and times, for an admin of its district", async () => {
    const { admin, team, requestId } = await world(4, { urgency: "urgent" });
    const routed = await routeRequest(admin, requestId, {});
    await acceptOffer(actorOf(team, routed.offers[1]!.expertId), routed.offers[1]!.offerId);
    const token = await bearerFor(admin);
    const response = await offersRoute(
      new Request(`http://localhost/api/v1/requests/${requestId}/offers`, { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({ id: requestId }) },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { offerId: string; status: string; answeredAt?: string; expertName: string }[] };
    expect(body.items.map((o) => o.offerId)).toEqual(routed.offers.map((o) => o.offerId));
    expect(body.items.map((o) => o.status)).toEqual(["withdrawn", "accepted", "withdrawn"]);
    expect(body.items.every((o) => o.answeredAt && o.expertName.startsWith("并行专家"))).toBe(true);
    // another district's admin does not see the request
    await expect(listRequestOffers(await createAdminActor("310118"), requestId)).rejects.toMatchObject({ code: "not_found" });
  });
});
