import { and, count, desc, eq, ne } from "drizzle-orm";
import { db } from "@/db";
import { requests, typicalCases } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { loadVisibleRequest } from "@/lib/requests/access";
import { visibleRequests } from "@/lib/requests/scope";
import { caseFigures, loadCaseFacts } from "./facts";
import type { TypicalCaseListQuery } from "./schemas";

const publicColumns = {
  id: typicalCases.id,
  titleZh: typicalCases.titleZh,
  titleEn: typicalCases.titleEn,
  storyZh: typicalCases.storyZh,
  storyEn: typicalCases.storyEn,
  disputesResolved: typicalCases.disputesResolved,
  recoveredFen: typicalCases.recoveredFen,
  publishedAt: typicalCases.publishedAt,
};

type PublicRow = { [K in keyof typeof publicColumns]: (typeof typicalCases.$inferSelect)[K] };
export type PublicTypicalCase = ReturnType<typeof toPublic>;

function toPublic(row: PublicRow) {
  return {
    id: row.id,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    storyZh: row.storyZh,
    storyEn: row.storyEn,
    figures: { disputesResolved: row.disputesResolved, recoveredFen: row.recoveredFen },
    publishedAt: row.publishedAt!,
  };
}

const published = eq(typicalCases.status, "published");

/** Anyone: the published typical cases, the newest first, paginated. Anonymised; no request is named. */
export async function listPublishedTypicalCases(query: TypicalCaseListQuery) {
  const [rows, [counted]] = await Promise.all([
    db
      .select(publicColumns)
      .from(typicalCases)
      .where(published)
      .orderBy(desc(typicalCases.publishedAt), desc(typicalCases.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(typicalCases).where(published),
  ]);
  return { items: rows.map(toPublic), page: query.page, pageSize: query.pageSize, total: counted?.total ?? 0 };
}

/** Anyone: one published typical case, or null (a draft or a withdrawn one does not exist for the public). */
export async function getPublishedTypicalCase(id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db
    .select(publicColumns)
    .from(typicalCases)
    .where(and(eq(typicalCases.id, id), published));
  return row ? toPublic(row) : null;
}

/** Admins: the typical cases of their district's requests (drafts, published, withdrawn), the latest first. */
export async function listTypicalCasesForAdmin(actor: Actor | null) {
  const admin = requirePermission(actor, "typicalCase.manage");
  return db
    .select({
      id: typicalCases.id,
      requestId: typicalCases.requestId,
      caseNumber: requests.caseNumber,
      status: typicalCases.status,
      titleZh: typicalCases.titleZh,
      titleEn: typicalCases.titleEn,
      disputesResolved: typicalCases.disputesResolved,
      recoveredFen: typicalCases.recoveredFen,
      updatedAt: typicalCases.updatedAt,
      publishedAt: typicalCases.publishedAt,
    })
    .from(typicalCases)
    .innerJoin(requests, eq(requests.id, typicalCases.requestId))
    .where(visibleRequests(admin))
    .orderBy(desc(typicalCases.updatedAt), desc(typicalCases.id))
    .limit(200);
}
export type AdminTypicalCase = Awaited<ReturnType<typeof listTypicalCasesForAdmin>>[number];

/**
 * Admins covering the request: what the draft form needs, the request (with its live typical case,
 * if any), what the anonymisation knows of it, and its figures from the ledger. 404 outside the district.
 */
export async function getDraftContext(actor: Actor | null, requestId: string) {
  const admin = requirePermission(actor, "typicalCase.manage");
  const request = await loadVisibleRequest(db, admin, requestId);
  const [[live], [row], facts, figures] = await Promise.all([
    db
      .select({ id: typicalCases.id, status: typicalCases.status })
      .from(typicalCases)
      .where(and(eq(typicalCases.requestId, request.id), ne(typicalCases.status, "withdrawn"))),
    db.select({ caseNumber: requests.caseNumber }).from(requests).where(eq(requests.id, request.id)),
    loadCaseFacts(db, request.id),
    caseFigures(admin, request.id),
  ]);
  return { request: { ...request, caseNumber: row?.caseNumber ?? "" }, live: live ?? null, facts, figures };
}

/** Admins covering its request: a typical case with everything the edit page shows. 404 otherwise. */
export async function getTypicalCaseForAdmin(actor: Actor | null, id: string) {
  const admin = requirePermission(actor, "typicalCase.manage");
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db
    .select({
      id: typicalCases.id,
      requestId: typicalCases.requestId,
      caseNumber: requests.caseNumber,
      status: typicalCases.status,
      titleZh: typicalCases.titleZh,
      titleEn: typicalCases.titleEn,
      storyZh: typicalCases.storyZh,
      storyEn: typicalCases.storyEn,
      companyConsent: typicalCases.companyConsent,
      consentRecordedAt: typicalCases.consentRecordedAt,
      disputesResolved: typicalCases.disputesResolved,
      recoveredFen: typicalCases.recoveredFen,
      publishedAt: typicalCases.publishedAt,
    })
    .from(typicalCases)
    .innerJoin(requests, eq(requests.id, typicalCases.requestId))
    .where(and(eq(typicalCases.id, id), visibleRequests(admin)));
  if (!row) return null;
  return { ...row, facts: await loadCaseFacts(db, row.requestId) };
}

/** Admins covering the request: its live (draft or published) typical case, or null. */
export async function liveTypicalCaseOf(actor: Actor | null, requestId: string) {
  const admin = requirePermission(actor, "typicalCase.manage");
  const [row] = await db
    .select({ id: typicalCases.id, status: typicalCases.status })
    .from(typicalCases)
    .innerJoin(requests, eq(requests.id, typicalCases.requestId))
    .where(and(eq(typicalCases.requestId, requestId), ne(typicalCases.status, "withdrawn"), visibleRequests(admin)));
  return row ?? null;
}
