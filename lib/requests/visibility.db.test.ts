import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOffers } from "@/app/api/v1/offers/route";
import { GET as getRequest } from "@/app/api/v1/requests/[id]/route";
import { db } from "@/db";
import { events, offers } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { acceptOffer } from "@/lib/routing/accept-offer";
import { declineOffer } from "@/lib/routing/decline-offer";
import { reassignCase } from "@/lib/routing/reassign-case";
import { routeRequest } from "@/lib/routing/route-request";
import { withdrawOffer } from "@/lib/routing/withdraw-offer";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { createTriagedRequest } from "@/test/routing-fixtures";
import { confirmRequest } from "./confirm-request";
import { resolveRequest } from "./resolve-request";

/** Who reads a case after it left them: an expert only while their offer is pending and while the case is theirs. */
useTestDatabase();

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const tokens = new Map<Actor, string>();
async function get(handler: Handler, actor: Actor, id: string, url = `http://localhost/api/v1/requests/${id}`) {
  if (!tokens.has(actor)) tokens.set(actor, await bearerFor(actor));
  const response = await handler(new Request(url, { headers: { authorization: `Bearer ${tokens.get(actor)}` } }), {
    params: Promise.resolve({ id }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
const offersOf = async (expert: Actor) =>
  ((await get(getOffers, expert, "", "http://localhost/api/v1/offers")).json.items as { id: string; status: string }[]).map((o) => [o.id, o.status]);

const REASSIGN_REASON = "内部：专家多次未回电，改派";
const SUMMARY = "已与相对方达成还款协议";
const COMMENT = "感谢专家，但沟通稍慢";

describe("who sees a case after it left them", () => {
  let enterprise: Actor, admin: Actor, decliner: Actor, first: Actor, second: Actor, requestId: string;
  let declinedOfferId: string, firstOfferId: string;

  beforeAll(async () => {
    enterprise = await createEnterpriseActor();
    admin = await createAdminActor();
    [decliner, first] = [await createExpertActor(), await createExpertActor()];
    requestId = await createTriagedRequest(enterprise);
    declinedOfferId = (await routeRequest(admin, requestId, { expertId: decliner.expertId! })).offerId;
    expect((await get(getRequest, decliner, requestId)).status).toBe(200);
    // the decline passes the request on to the only other candidate
    await declineOffer(decliner, declinedOfferId, { reason: "conflict", note: "与对方有业务往来" });
    const [pending] = await db
      .select({ id: offers.id, expertId: offers.expertId })
      .from(offers)
      .where(and(eq(offers.requestId, requestId), eq(offers.status, "pending")));
    expect(pending!.expertId).toBe(first.expertId);
    firstOfferId = pending!.id;
    await acceptOffer(first, firstOfferId);
    second = await createExpertActor();
    const next = await reassignCase(admin, requestId, { reason: REASSIGN_REASON, expertId: second.expertId! });
    await acceptOffer(second, next.next!.offerId);
    await resolveRequest(second, requestId, SUMMARY);
    await confirmRequest(enterprise, requestId, { rating: 4, comment: COMMENT });
  });

  it("the expert who declined and the expert it was reassigned from no longer read the request", async () => {
    expect((await get(getRequest, decliner, requestId)).status).toBe(404);
    const former = await get(getRequest, first, requestId);
    expect(former.status).toBe(404);
    expect(JSON.stringify(former.json)).not.toContain(SUMMARY);
    expect(JSON.stringify(former.json)).not.toContain(COMMENT);
  });

  it("their own offers stay listed for them, with their status", async () => {
    expect(await offersOf(decliner)).toEqual([[declinedOfferId, "declined"]]);
    expect(await offersOf(first)).toEqual([[firstOfferId, "withdrawn"]]);
  });

  it("the company and the new expert read the case but not the internal reassign reason; admins and the audit trail keep it", async () => {
    for (const reader of [enterprise, second]) {
      const res = await get(getRequest, reader, requestId);
      expect(res.status).toBe(200);
      expect(res.json.resolutionSummary).toBe(SUMMARY);
      expect(JSON.stringify(res.json)).not.toContain(REASSIGN_REASON);
    }
    expect(JSON.stringify((await get(getRequest, admin, requestId)).json)).toContain(REASSIGN_REASON);
    const [audit] = await db
      .select({ reason: events.reason })
      .from(events)
      .where(and(eq(events.requestId, requestId), eq(events.type, "request.reassign")));
    expect(audit!.reason).toBe(REASSIGN_REASON);
  });

  it("an expert whose offer was withdrawn loses the request; accepting that offer is 409", async () => {
    const other = await createTriagedRequest(enterprise);
    const withdrawn = await createExpertActor();
    const offer = await routeRequest(admin, other, { expertId: withdrawn.expertId! });
    await withdrawOffer(admin, offer.offerId, { reason: "改派他人" });
    await expect(acceptOffer(withdrawn, offer.offerId)).rejects.toMatchObject({ code: "conflict" });
    expect((await get(getRequest, withdrawn, other)).status).toBe(404);
    expect(await offersOf(withdrawn)).toEqual([[offer.offerId, "withdrawn"]]);
  });
});
