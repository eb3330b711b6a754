import { and, count, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { experts, offers, requests } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { ACTIVE_CASE_STATUSES } from "@/lib/requests/state-machine";

/** The signed-in expert's own load, capacity, term and pending offers. */
export async function getOwnExpertSummary(actor: Actor) {
  if (!actor.expertId) return null;
  const [[expert], [active], [pending]] = await Promise.all([
    db.select({ capacity: experts.capacity, termEnd: experts.termEnd, status: experts.status }).from(experts).where(eq(experts.id, actor.expertId)),
    db
      .select({ n: count() })
      .from(requests)
      .where(and(eq(requests.assignedExpertId, actor.expertId), inArray(requests.status, ACTIVE_CASE_STATUSES))),
    db
      .select({ n: count() })
      .from(offers)
      .where(and(eq(offers.expertId, actor.expertId), eq(offers.status, "pending"))),
  ]);
  if (!expert) return null;
  return { ...expert, activeCases: active?.n ?? 0, pendingOffers: pending?.n ?? 0 };
}
