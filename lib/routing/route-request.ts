import { and, eq } from "drizzle-orm";
import { offers } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { conflict, notFound } from "@/lib/errors";
import { lockRequest } from "@/lib/requests/lock";
import { fillOffers, offerToChosenExpert } from "./cascade";
import type { OfferMade } from "./create-offer";
import { loadRoutingRequest } from "./load-routing-request";
import type { RouteRequestInput } from "./schemas";
import { getRoutingSettings } from "./weights";
import { routingTransaction } from "./routing-transaction";

/**
 * Admin only (routing.route). `{}` offers a triaged request to the best candidate, or to the best
 * `parallelOffers` of its urgency at once (first-responder offers: the first to accept wins); `{ expertId }`
 * pins that expert alone (refused, with the reason, when a hard filter excludes them). One transaction:
 * the offer, the request's move to offered, the timeline entry with the ranking's "why", the
 * expert's notification and the deadline job. 404 when the admin may not see the request; 409 when
 * it is not waiting for an offer, already has a pending offer, or no candidate is left.
 */
export async function routeRequest(
  actor: Actor | null,
  requestId: string,
  input: RouteRequestInput,
  options: { now?: Date } = {},
): Promise<OfferMade & { offers: OfferMade[] }> {
  const admin = requirePermission(actor, "routing.route");
  return routingTransaction(async (tx) => {
    if (!(await loadRoutingRequest(tx, requestId, admin))) throw notFound();
    // Locked before the pending-offer check below, so two admins routing at once cannot both pass it.
    await lockRequest(tx, requestId);
    const request = (await loadRoutingRequest(tx, requestId))!;
    if (request.status !== "triaged" && request.status !== "offered") throw conflict("routing.errors.notRoutable");
    const [pending] = await tx
      .select({ id: offers.id })
      .from(offers)
      .where(and(eq(offers.requestId, requestId), eq(offers.status, "pending")));
    if (pending) throw conflict("routing.errors.offerPending");
    const settings = await getRoutingSettings(tx);
    if (input.expertId) {
      const offer = await offerToChosenExpert(tx, admin, request, input.expertId, { now: options.now, settings });
      return { ...offer, offers: [offer] };
    }
    const made = await fillOffers(tx, admin, request, { now: options.now, settings, exhaust: false });
    if (!made.length) throw conflict("routing.errors.noCandidates");
    return { ...made[0]!, offers: made };
  });
}
