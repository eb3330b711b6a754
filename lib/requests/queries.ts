import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { db, type Db } from "@/db";
import {
  attachments,
  enterprises,
  events,
  experts,
  messages,
  regions,
  requestCounterparties,
  requestReferrals,
  requests,
  requestSpecialties,
  returnVisitFollowUps,
  returnVisits,
  specialties,
  stations,
  users,
} from "@/db/schema";
import { declaredCreditCode } from "@/lib/companies/declared-credit-code";
import type { Channel, RequestCategory, RequestStatus, Urgency } from "@/lib/enums";
import { actorPlaceholders } from "@/lib/auth/actor-placeholders";
import { requirePermission, type Actor } from "@/lib/authz";
import { countWithinWindow, pageWithinWindow } from "@/lib/list-window";
import { notFound } from "@/lib/errors";
import { withinRegion } from "@/lib/regions/codes";
import { referralColumns } from "@/lib/referrals/referral-columns";
import { jsonRows } from "@/lib/sql/json-rows";
import { prepared } from "@/lib/sql/prepared";
import type { PageQuery } from "@/lib/validation";
import { assertRequestId, isCaseParty, isPanelMemberOfRequest, loadCaseForReader, loadVisibleRequest, visibleRequest } from "./access";
import { visibleRequests } from "./scope";
import { matchesTitleOrCaseNumber } from "./search";

export interface RequestListFilter {
  /** Part of the title, or of the case number ("js-2026-123", "00123"), case and width folded. */
  q?: string;
  status?: RequestStatus | RequestStatus[];
  /** For experts: only cases assigned to them (not mere offers). */
  assignedOnly?: boolean;
  category?: RequestCategory;
  channel?: Channel;
  urgency?: Urgency;
  /** A region and everything below it. */
  region?: string;
  /** Submitted on or after this Shanghai date (YYYY-MM-DD) ... */
  from?: string;
  /** ... and on or before this one. */
  to?: string;
  needsAttention?: boolean;
  /** "newest" first (default), or the triage order: urgent first, then the longest waiting. */
  order?: "newest" | "triage";
}

const shanghaiMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

function filterConditions(actor: Actor, filter: RequestListFilter): SQL[] {
  const conditions: SQL[] = [visibleRequests(actor)];
  if (filter.status) conditions.push(Array.isArray(filter.status) ? inArray(requests.status, filter.status) : eq(requests.status, filter.status));
  if (filter.assignedOnly && actor.expertId) conditions.push(eq(requests.assignedExpertId, actor.expertId));
  if (filter.category) conditions.push(eq(requests.category, filter.category));
  if (filter.channel) conditions.push(eq(requests.channel, filter.channel));
  if (filter.urgency) conditions.push(eq(requests.urgency, filter.urgency));
  if (filter.region) conditions.push(withinRegion(requests.regionCode, filter.region));
  if (filter.from) conditions.push(gte(requests.submittedAt, shanghaiMidnight(filter.from)));
  if (filter.to) conditions.push(lt(requests.submittedAt, new Date(shanghaiMidnight(filter.to).getTime() + 86_400_000)));
  if (filter.needsAttention) conditions.push(eq(requests.needsAttention, true));
  const search = matchesTitleOrCaseNumber(filter.q);
  if (search) conditions.push(search);
  return conditions;
}

/** A page of the requests the actor may see, newest first (or in triage order), counted up to LIST_WINDOW (lib/list-window.ts). */
export async function listRequestsForActor(actor: Actor, filter: RequestListFilter, page: PageQuery) {
  const where = and(...filterConditions(actor, filter));
  const order =
    filter.order === "triage"
      ? [sql`case when ${requests.urgency} = 'urgent' then 0 else 1 end`, asc(requests.submittedAt)]
      : [desc(requests.submittedAt)];
  const slice = pageWithinWindow(page);
  const [items, counted] = await Promise.all([
    slice
      ? db
          .select({
            id: requests.id,
            caseNumber: requests.caseNumber,
            title: requests.title,
            category: requests.category,
            status: requests.status,
            urgency: requests.urgency,
            channel: requests.channel,
            regionCode: requests.regionCode,
            regionName: regions.nameZh,
            regionNameEn: regions.nameEn,
            amountAtStakeFen: requests.amountAtStakeFen,
            needsAttention: requests.needsAttention,
            submittedAt: requests.submittedAt,
            enterpriseName: enterprises.name,
            expertName: experts.name,
          })
          .from(requests)
          .innerJoin(enterprises, eq(enterprises.id, requests.enterpriseId))
          .innerJoin(regions, eq(regions.code, requests.regionCode))
          .leftJoin(experts, eq(experts.id, requests.assignedExpertId))
          .where(where)
          .orderBy(...order, desc(requests.id))
          .limit(slice.limit)
          .offset(slice.offset)
      : [],
    countWithinWindow(db.select({ id: requests.id }).from(requests).where(where)),
  ]);
  // asOf: the moment of the read, so "waiting 3 h" is measured against the data, not the render.
  return { items, page: page.page, pageSize: page.pageSize, ...counted, asOf: new Date() };
}
export type RequestListItem = Awaited<ReturnType<typeof listRequestsForActor>>["items"][number];

/** Timeline entries whose reason (and data) only admins read. */
const INTERNAL_REASON_EVENTS = new Set(["request.reassign"]);

/** The statement of getRequestDetail for one shape of actor (see actorPlaceholders): the request's id and the actor's ids are placeholders. */
function requestDetailQuery(handle: Db, actor: Actor, mayReadReferral: boolean) {
  const preferred = sql<string | null>`(select ${experts.name} from ${experts} where ${experts.id} = ${requests.preferredExpertId})`;
  return handle
    .select({
      id: requests.id,
      caseNumber: requests.caseNumber,
      title: requests.title,
      category: requests.category,
      description: requests.description,
      status: requests.status,
      urgency: requests.urgency,
      channel: requests.channel,
      regionCode: requests.regionCode,
      regionName: regions.nameZh,
      regionNameEn: regions.nameEn,
      language: requests.language,
      serviceMode: requests.serviceMode,
      amountAtStakeFen: requests.amountAtStakeFen,
      enterpriseId: requests.enterpriseId,
      enterpriseName: enterprises.name,
      enterpriseCreditCode: declaredCreditCode,
      contactName: enterprises.contactName,
      contactPhone: enterprises.contactPhone,
      partyKind: enterprises.partyKind,
      partyIdNumberMasked: enterprises.idNumberMasked,
      stationId: requests.stationId,
      stationName: stations.name,
      preferredExpertId: requests.preferredExpertId,
      preferredExpertName: preferred,
      assignedExpertId: requests.assignedExpertId,
      assignedExpertName: experts.name,
      needsAttention: requests.needsAttention,
      statusReason: requests.statusReason,
      referral: requests.referral,
      resolutionSummary: requests.resolutionSummary,
      rating: requests.rating,
      ratingComment: requests.ratingComment,
      submittedAt: requests.submittedAt,
      triagedAt: requests.triagedAt,
      acceptedAt: requests.acceptedAt,
      resolvedAt: requests.resolvedAt,
      closedAt: requests.closedAt,
      isPanelMember: isPanelMemberOfRequest(actor),
      counterparties: jsonRows({ name: requestCounterparties.name, creditCode: requestCounterparties.creditCode }, (fields) =>
        db
          .select(fields)
          .from(requestCounterparties)
          .where(eq(requestCounterparties.requestId, requests.id))
          .orderBy(asc(requestCounterparties.name)),
      ),
      specialties: jsonRows({ code: specialties.code, nameZh: specialties.nameZh, nameEn: specialties.nameEn }, (fields) =>
        db
          .select(fields)
          .from(requestSpecialties)
          .innerJoin(specialties, eq(specialties.code, requestSpecialties.specialtyCode))
          .where(eq(requestSpecialties.requestId, requests.id))
          .orderBy(asc(specialties.sortOrder)),
      ),
      timeline: jsonRows({ type: events.type, actorRole: events.actorRole, at: events.at, reason: events.reason, data: events.data }, (fields) =>
        db.select(fields).from(events).where(eq(events.requestId, requests.id)).orderBy(asc(events.at), asc(events.id)),
      ),
      ...(mayReadReferral
        ? {
            referrals: jsonRows(referralColumns, (fields) =>
              db.select(fields).from(requestReferrals).where(eq(requestReferrals.requestId, requests.id)),
            ),
          }
        : {}),
    })
    .from(requests)
    .innerJoin(enterprises, eq(enterprises.id, requests.enterpriseId))
    .innerJoin(regions, eq(regions.code, requests.regionCode))
    .leftJoin(stations, eq(stations.id, requests.stationId))
    .leftJoin(experts, eq(experts.id, requests.assignedExpertId))
    .where(visibleRequest(actor, sql.placeholder("requestId")))
    .prepare("request_detail");
}

/**
 * One request as its viewers see it: the fields, the company, counterparties, specialties and
 * the timeline. 404 when the actor may not see it. Walk-in contact details and the parties'
 * conversation are for the case's parties only (an expert merely offered the case sees neither).
 * One statement: the lists come back as columns of the request's row.
 */
export async function getRequestDetail(actor: Actor, requestId: string) {
  requirePermission(actor, "request.read");
  assertRequestId(requestId);
  // A referral's body and contact, and a person's masked ID number: for the district's admins and
  // the assigned expert only (never the company, a station, or an expert merely offered the case).
  // Whether the expert is the assigned one is known from the row; others need not read it at all.
  const mayReadReferral = actor.role === "admin" || actor.role === "expert";
  const { key, template, values } = actorPlaceholders(actor);
  const [row] = await prepared(`request-detail:${key}`, (handle) => requestDetailQuery(handle, template, mayReadReferral)).execute({
    ...values,
    requestId,
  });
  if (!row) throw notFound();
  const { isPanelMember: panelMember, timeline, referrals, ...detail } = row;
  const isParty = isCaseParty(actor, detail);
  const seesReferral = isParty && mayReadReferral;
  // The reason for taking a case from its expert is the law society's internal note: in the audit
  // trail and on the admins' timeline, never shown to the company or an expert.
  const showsReason = (type: string) => actor.role === "admin" || !INTERNAL_REASON_EVENTS.has(type);
  return {
    ...detail,
    contactName: isParty ? detail.contactName : null,
    contactPhone: isParty ? detail.contactPhone : null,
    partyIdNumberMasked: seesReferral ? detail.partyIdNumberMasked : null,
    referredBy: (seesReferral && referrals?.[0]) || null,
    events: timeline.map((e) => ({
      type: e.type,
      actorRole: e.actorRole,
      at: e.at,
      ...(e.reason && showsReason(e.type) ? { reason: e.reason } : {}),
      data: showsReason(e.type) ? (e.data as Record<string, unknown> | null) : null,
    })),
    isParty,
    /** A member of the case's panel (会诊): reads the conversation and files, holds nothing. */
    isPanelMember: panelMember,
    /** Reads the conversation and files: a party, or a member of the panel. */
    isReader: isParty || panelMember,
  };
}
export type RequestDetail = Awaited<ReturnType<typeof getRequestDetail>>;

/** The conversation of a case, oldest first, for its parties and panel members (others: 404). */
export async function listMessages(actor: Actor, requestId: string) {
  requirePermission(actor, "message.read");
  const request = await loadCaseForReader(db, actor, requestId);
  return db
    .select({
      id: messages.id,
      body: messages.body,
      createdAt: messages.createdAt,
      authorUserId: messages.authorUserId,
      authorName: users.name,
      authorRole: users.role,
    })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.authorUserId))
    .where(eq(messages.requestId, request.id))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}
export type MessageItem = Awaited<ReturnType<typeof listMessages>>[number];

/** The return visits of a request an admin may see, newest first. */
export async function listReturnVisits(actor: Actor, requestId: string) {
  const admin = requirePermission(actor, "request.returnVisit");
  const request = await loadVisibleRequest(db, admin, requestId);
  return db
    .select({
      id: returnVisits.id,
      visitedOn: returnVisits.visitedOn,
      method: returnVisits.method,
      note: returnVisits.note,
      satisfaction: returnVisits.satisfaction,
      visitedByName: users.name,
      createdAt: returnVisits.createdAt,
      /** The follow-up a dissatisfied answer opened, if any: open until closedAt, with its closing note. */
      followUpId: returnVisitFollowUps.id,
      followUpClosedAt: returnVisitFollowUps.closedAt,
      followUpClosingNote: returnVisitFollowUps.closingNote,
    })
    .from(returnVisits)
    .innerJoin(users, eq(users.id, returnVisits.visitedBy))
    .leftJoin(returnVisitFollowUps, eq(returnVisitFollowUps.returnVisitId, returnVisits.id))
    .where(eq(returnVisits.requestId, request.id))
    .orderBy(desc(returnVisits.visitedOn), desc(returnVisits.createdAt));
}

/** The files of a case, for its parties and panel members (others: 404), oldest first, with who added them. */
export async function listAttachments(actor: Actor, requestId: string) {
  requirePermission(actor, "attachment.download");
  const request = await loadCaseForReader(db, actor, requestId);
  return db
    .select({
      id: attachments.id,
      filename: attachments.filename,
      mimeType: attachments.mimeType,
      sizeBytes: attachments.sizeBytes,
      createdAt: attachments.createdAt,
      uploadedByName: users.name,
      uploadedByRole: users.role,
    })
    .from(attachments)
    .innerJoin(users, eq(users.id, attachments.uploadedBy))
    .where(eq(attachments.requestId, request.id))
    .orderBy(asc(attachments.createdAt));
}
export type AttachmentListItem = Awaited<ReturnType<typeof listAttachments>>[number];

/** One file with its content, for a party of its case or a member of its panel; 404 for anyone else. */
export async function getAttachmentForDownload(actor: Actor | null, attachmentId: string) {
  const reader = requirePermission(actor, "attachment.download");
  if (!/^[0-9a-f-]{36}$/i.test(attachmentId)) throw notFound();
  const [meta] = await db.select({ requestId: attachments.requestId }).from(attachments).where(eq(attachments.id, attachmentId));
  if (!meta) throw notFound();
  await loadCaseForReader(db, reader, meta.requestId);
  const [file] = await db
    .select({ filename: attachments.filename, mimeType: attachments.mimeType, content: attachments.content })
    .from(attachments)
    .where(eq(attachments.id, attachmentId));
  if (!file) throw notFound();
  return file;
}
