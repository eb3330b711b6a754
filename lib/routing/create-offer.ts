import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { experts, offers } from "@/db/schema";
import { currentTime } from "@/lib/clock";
import type { Actor } from "@/lib/authz";
import { conflict, isUniqueViolation } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/queue";
import { notify } from "@/lib/notifications/notify";
import { applyTransition } from "@/lib/requests/state-machine";
import { explainCandidate } from "./candidates";
import type { RankedCandidate } from "./ranking";
import { reminderLead } from "./remind-offer";
import type { RoutingSettings } from "./schemas";
import type { RoutingRequest } from "./types";

export interface OfferMade {
  offerId: string;
  expertId: string;
  expiresAt: Date;
}

/**
 * Inside the caller's transaction: offers the request to one candidate with a deadline (shorter when
 * urgent), moves the request to offered, puts the offer and its "why" on the timeline (one event), tells the
 * expert, and schedules the deadline and a reminder before it. `manual` marks an admin's pin (the admin is recorded).
 * 409 when the request cannot be offered or already has a pending offer.
 */
export async function createOffer(
  tx: Tx,
  actor: Actor | null,
  request: RoutingRequest,
  candidate: RankedCandidate,
  options: { now?: Date; settings: RoutingSettings; manual: boolean },
): Promise<OfferMade> {
  const at = options.now ?? currentTime();
  const hours = request.urgency === "urgent" ? options.settings.deadlines.urgentHours : options.settings.deadlines.normalHours;
  const expiresAt = new Date(at.getTime() + hours * 3_600_000);
  const why = explainCandidate(request, candidate, options.settings, at);
  const [expert] = await tx.select({ userId: experts.userId, name: experts.name }).from(experts).where(eq(experts.id, candidate.expertId));
  const { step } = await applyTransition(tx, actor, request.id, "offer", {
    set: { needsAttention: false },
    then: async () => {
      let offerId: string;
      try {
        const [row] = await tx
          .insert(offers)
          .values({
            requestId: request.id,
            expertId: candidate.expertId,
            rank: candidate.rank,
            score: why.score,
            reasons: why.reasons,
            offeredBy: options.manual ? (actor?.userId ?? null) : null,
            isManual: options.manual,
            expiresAt,
            createdAt: at,
          })
          .returning({ id: offers.id });
        offerId = row!.id;
      } catch (error) {
        if (isUniqueViolation(error, "offers_one_pending_per_expert")) throw conflict("routing.errors.offerPending");
        throw error;
      }
      return {
        offerId,
        expertId: candidate.expertId,
        expertName: expert?.name,
        rank: candidate.rank,
        score: why.score,
        reasons: why.reasons,
        manual: options.manual,
        expiresAt: expiresAt.toISOString(),
      };
    },
  });
  const offerId = step!.offerId;
  if (expert)
    await notify(tx, { userIds: [expert.userId], kind: "offer.new", requestId: request.id, data: { offerId, expiresAt: expiresAt.toISOString() } });
  await enqueue(tx, "routing.expire-offer", { offerId }, { startAfter: expiresAt, singletonKey: `offer-expiry:${offerId}` });
  const remindAt = new Date(expiresAt.getTime() - reminderLead(hours));
  if (remindAt > at) await enqueue(tx, "routing.remind-offer", { offerId }, { startAfter: remindAt, singletonKey: `offer-reminder:${offerId}` });
  return { offerId, expertId: candidate.expertId, expiresAt };
}
