import { and, count, eq, gt, inArray, lte, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { expertApplications, experts, offers, requests } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { ACTIVE_CASE_STATUSES } from "@/lib/requests/state-machine";
import { currentTime, todayInShanghai } from "@/lib/clock";
import { visibleRequests } from "@/lib/requests/scope";

/** The admin's working counts, within their region scope. */
export async function getAdminOverview(actor: Actor) {
  requirePermission(actor, "request.triage");
  const scope = visibleRequests(actor);
  const countRequests = async (condition: SQL) => (await db.select({ n: count() }).from(requests).where(and(scope, condition)))[0]?.n ?? 0;
  const today = todayInShanghai();
  const in90 = todayInShanghai(new Date(currentTime().getTime() + 90 * 86_400_000));
  const [awaitingTriage, needsAttention, activeCases, [pendingOffers], [pendingApplications], [expiringSoon]] = await Promise.all([
    countRequests(eq(requests.status, "submitted")),
    countRequests(eq(requests.needsAttention, true)),
    countRequests(inArray(requests.status, ACTIVE_CASE_STATUSES)),
    db
      .select({ n: count() })
      .from(offers)
      .innerJoin(requests, eq(requests.id, offers.requestId))
      .where(and(scope, eq(offers.status, "pending"))),
    db.select({ n: count() }).from(expertApplications).where(eq(expertApplications.status, "pending")),
    db
      .select({ n: count() })
      .from(experts)
      .where(and(eq(experts.status, "active"), gt(experts.termEnd, today), lte(experts.termEnd, in90))),
  ]);
  return {
    awaitingTriage,
    needsAttention,
    activeCases,
    pendingOffers: pendingOffers?.n ?? 0,
    pendingApplications: pendingApplications?.n ?? 0,
    expiringSoon: expiringSoon?.n ?? 0,
  };
}
