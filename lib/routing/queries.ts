import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { enterprises, expertConflicts, experts, offers, regions, requestCounterparties, requests, users } from "@/db/schema";
import { declaredCreditCode } from "@/lib/companies/declared-credit-code";
import type { OfferStatus } from "@/lib/enums";
import { requirePermission, type Actor } from "@/lib/authz";
import { forbidden, notFound } from "@/lib/errors";
import { visibleRequests } from "@/lib/requests/scope";
import { matchesTitleOrCaseNumber } from "@/lib/requests/search";
import { storedReasons } from "./reasons";

/**
 * The expert's own offers, newest first (offer.list), each with the request's essentials: the
 * company and counterparties first (to confirm there is no conflict), never attachments.
 */
export async function listOffersForExpert(actor: Actor | null, filter: { status?: OfferStatus; q?: string; page: number; pageSize: number }) {
  const expert = requirePermission(actor, "offer.list");
  if (!expert.expertId) throw forbidden();
  const search = matchesTitleOrCaseNumber(filter.q);
  const where = and(
    eq(offers.expertId, expert.expertId),
    filter.status ? eq(offers.status, filter.status) : undefined,
    search ? inArray(offers.requestId, db.select({ id: requests.id }).from(requests).where(search)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: offers.id,
        requestId: offers.requestId,
        status: offers.status,
        createdAt: offers.createdAt,
        expiresAt: offers.expiresAt,
        answeredAt: offers.answeredAt,
        declineReason: offers.declineReason,
        title: requests.title,
        caseNumber: requests.caseNumber,
        category: requests.category,
        urgency: requests.urgency,
        regionCode: requests.regionCode,
        regionNameZh: regions.nameZh,
        regionNameEn: regions.nameEn,
        requestStatus: requests.status,
        amountAtStakeFen: requests.amountAtStakeFen,
        language: requests.language,
        serviceMode: requests.serviceMode,
        description: requests.description,
        enterpriseName: enterprises.name,
        enterpriseNameNormalized: enterprises.nameNormalized,
        enterpriseCreditCode: declaredCreditCode,
      })
      .from(offers)
      .innerJoin(requests, eq(requests.id, offers.requestId))
      .innerJoin(enterprises, eq(enterprises.id, requests.enterpriseId))
      .leftJoin(regions, eq(regions.code, requests.regionCode))
      .where(where)
      // pending first (soonest deadline first), then the rest newest first
      .orderBy(
        sql`case when ${offers.status} = 'pending' then 0 else 1 end`,
        sql`case when ${offers.status} = 'pending' then ${offers.expiresAt} end asc`,
        desc(offers.createdAt),
      )
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(offers).where(where),
  ]);
  const [parties, declared] = rows.length
    ? await Promise.all([
        db
          .select({
            requestId: requestCounterparties.requestId,
            name: requestCounterparties.name,
            nameNormalized: requestCounterparties.nameNormalized,
            creditCode: requestCounterparties.creditCode,
          })
          .from(requestCounterparties)
          .where(inArray(requestCounterparties.requestId, [...new Set(rows.map((r) => r.requestId))]))
          .orderBy(asc(requestCounterparties.name)),
        db
          .select({ nameNormalized: expertConflicts.nameNormalized, creditCode: expertConflicts.creditCode })
          .from(expertConflicts)
          .where(eq(expertConflicts.expertId, expert.expertId)),
      ])
    : [[], []];
  // Flag the parties the expert has declared a conflict with, so they see it before anything else.
  const names = new Set(declared.map((d) => d.nameNormalized));
  const codes = new Set(declared.flatMap((d) => (d.creditCode ? [d.creditCode] : [])));
  const conflicted = (nameNormalized: string, creditCode: string | null) =>
    names.has(nameNormalized) || (creditCode !== null && codes.has(creditCode));
  const items = rows.map(({ enterpriseNameNormalized, ...r }) => ({
    ...r,
    enterpriseConflict: conflicted(enterpriseNameNormalized, r.enterpriseCreditCode),
    counterparties: parties
      .filter((p) => p.requestId === r.requestId)
      .map((p) => ({ name: p.name, creditCode: p.creditCode, declaredConflict: conflicted(p.nameNormalized, p.creditCode) })),
  }));
  // "as of": the moment the deadlines' countdowns start from
  return { items, page: filter.page, pageSize: filter.pageSize, total: total?.n ?? 0, asOf: Date.now() };
}
export type ExpertOfferItem = Awaited<ReturnType<typeof listOffersForExpert>>["items"][number];

/**
 * Every offer of a request, oldest first, for those who may see the request: the admin's history
 * (who was offered it, when, why, by whom, and the answer). An expert sees only their own offers.
 */
export async function listOffersForRequest(actor: Actor, requestId: string) {
  const offeredBy = alias(users, "offered_by");
  const rows = await db
    .select({
      id: offers.id,
      expertId: offers.expertId,
      expertName: experts.name,
      status: offers.status,
      rank: offers.rank,
      score: offers.score,
      reasons: offers.reasons,
      isManual: offers.isManual,
      offeredByName: offeredBy.name,
      createdAt: offers.createdAt,
      expiresAt: offers.expiresAt,
      answeredAt: offers.answeredAt,
      declineReason: offers.declineReason,
      declineNote: offers.declineNote,
    })
    .from(offers)
    .innerJoin(requests, eq(requests.id, offers.requestId))
    .innerJoin(experts, eq(experts.id, offers.expertId))
    .leftJoin(offeredBy, eq(offeredBy.id, offers.offeredBy))
    .where(
      and(
        eq(offers.requestId, requestId),
        visibleRequests(actor),
        actor.role === "expert" && actor.expertId ? eq(offers.expertId, actor.expertId) : undefined,
      ),
    )
    // offers made at once (first-responder offers) in their ranking order
    .orderBy(asc(offers.createdAt), asc(offers.rank), asc(offers.id));
  return rows.map((r) => ({ ...r, reasons: storedReasons(r.reasons) }));
}
export type RequestOfferItem = Awaited<ReturnType<typeof listOffersForRequest>>[number];

/**
 * Admin only (routing.candidates, the admin's routing view): every offer of a request, oldest first,
 * with its status and times (GET /api/v1/requests/:id/offers). 404 when the admin may not see the request.
 */
export async function listRequestOffers(actor: Actor | null, requestId: string) {
  const admin = requirePermission(actor, "routing.candidates");
  const [request] = await db
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.id, requestId), visibleRequests(admin)));
  if (!request) throw notFound();
  const rows = await db
    .select({
      offerId: offers.id,
      expertId: offers.expertId,
      expertName: experts.name,
      status: offers.status,
      offeredAt: offers.createdAt,
      expiresAt: offers.expiresAt,
      answeredAt: offers.answeredAt,
    })
    .from(offers)
    .innerJoin(experts, eq(experts.id, offers.expertId))
    .where(eq(offers.requestId, requestId))
    .orderBy(asc(offers.createdAt), asc(offers.rank), asc(offers.id));
  return rows;
}

/** The caller's pending offer on a request (for the accept/decline buttons on the request page). */
export async function pendingOfferFor(actor: Actor, requestId: string) {
  if (!actor.expertId) return null;
  const [offer] = await db
    .select({ id: offers.id, expiresAt: offers.expiresAt })
    .from(offers)
    .where(and(eq(offers.requestId, requestId), eq(offers.expertId, actor.expertId), eq(offers.status, "pending")));
  return offer ? { ...offer, asOf: Date.now() } : null;
}

/** A request's routing state for its panel: status, flag, and who holds it. 404 when not visible. */
export async function routingStateOf(actor: Actor, requestId: string) {
  const [row] = await db
    .select({
      status: requests.status,
      needsAttention: requests.needsAttention,
      assignedExpertId: requests.assignedExpertId,
      urgency: requests.urgency,
    })
    .from(requests)
    .where(and(eq(requests.id, requestId), visibleRequests(actor)));
  if (!row) throw notFound();
  return row;
}
