import { and, asc, count, desc, eq, gt, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { appointments, events, expertApplications, experts, expertSpecialties, requests, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { uuidParam } from "@/lib/validation";
import { withinRegion } from "@/lib/regions/codes";
import { ACTIVE_CASE_STATUSES } from "@/lib/requests/state-machine";
import { servesRegion } from "../serves-region";
import type { RosterQuery } from "../schemas";
import { escapeLike, normalizeSearchText } from "../search-text";
import { EXPIRING_WITHIN_DAYS, expertStanding, isExpiringSoon } from "../standing";
import { addDays, hasCurrentAppointment } from "../term";
import { outerExpertId } from "../sql-refs";

const activeCases =
  sql<number>`(select count(*) from ${requests} where ${requests.assignedExpertId} = ${outerExpertId} and ${inArray(requests.status, [...ACTIVE_CASE_STATUSES])})`.mapWith(
    Number,
  );

function rosterWhere(query: Omit<RosterQuery, "page" | "pageSize">, today: string): SQL | undefined {
  const conditions: SQL[] = [];
  const q = query.q ? normalizeSearchText(query.q) : "";
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    conditions.push(
      or(
        sql`lower(normalize(${experts.name}, NFKC)) like ${pattern} escape '\\'`,
        sql`lower(normalize(${experts.organization}, NFKC)) like ${pattern} escape '\\'`,
        sql`lower(${experts.licenseNumber}) like ${pattern} escape '\\'`,
      )!,
    );
  }
  if (query.status === "expired") conditions.push(and(eq(experts.status, "active"), lte(experts.termEnd, today))!);
  else if (query.status === "expiring")
    conditions.push(and(hasCurrentAppointment(today), lte(experts.termEnd, addDays(today, EXPIRING_WITHIN_DAYS)), gt(experts.termEnd, today))!);
  else if (query.status) conditions.push(eq(experts.status, query.status));
  if (query.specialty) {
    conditions.push(
      sql`exists (select 1 from ${expertSpecialties} where ${expertSpecialties.expertId} = ${outerExpertId} and ${expertSpecialties.specialtyCode} = ${query.specialty})`,
    );
  }
  if (query.region) conditions.push(servesRegion(query.region));
  if (query.district) conditions.push(withinRegion(experts.homeRegionCode, query.district));
  return conditions.length ? and(...conditions) : undefined;
}

const rosterColumns = {
  id: experts.id,
  name: experts.name,
  title: experts.title,
  organization: experts.organization,
  licenseNumber: experts.licenseNumber,
  homeRegionCode: experts.homeRegionCode,
  status: experts.status,
  termStart: experts.termStart,
  termEnd: experts.termEnd,
  pausedUntil: experts.pausedUntil,
  capacity: experts.capacity,
  activeCases,
};

/**
 * The whole roster for the law society (every status; the shared roster is visible to every
 * admin, whatever its district), with standing, term end, an "expiring soon" flag, load (active
 * cases / capacity) and the home region, whose county is the expert's district.
 */
export async function listRoster(actor: Actor | null, query: RosterQuery) {
  requirePermission(actor, "expert.readAny");
  const today = todayInShanghai();
  const where = rosterWhere(query, today);
  const [rows, [total]] = await Promise.all([
    db
      .select(rosterColumns)
      .from(experts)
      .where(where)
      .orderBy(
        sql`case ${experts.status} when 'pending' then 0 when 'active' then 1 when 'suspended' then 2 else 3 end`,
        asc(experts.termEnd),
        asc(experts.name),
        asc(experts.id),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(experts).where(where),
  ]);
  const items = rows.map((row) => ({
    ...row,
    standing: expertStanding(row, today),
    expiringSoon: row.status === "active" && isExpiringSoon(row.termEnd, today),
  }));
  return { items, page: query.page, pageSize: query.pageSize, total: total?.n ?? 0 };
}
export type RosterItem = Awaited<ReturnType<typeof listRoster>>["items"][number];

/** Every expert matching the filters, for the Excel export (admins), with e-mail and phone. */
export async function listRosterForExport(actor: Actor | null, query: Omit<RosterQuery, "page" | "pageSize">) {
  requirePermission(actor, "expert.export");
  const today = todayInShanghai();
  const rows = await db
    .select({
      ...rosterColumns,
      phone: experts.phone,
      email: users.email,
      yearsOfPractice: experts.yearsOfPractice,
      languages: experts.languages,
      serviceModes: experts.serviceModes,
      specialties: sql<
        string[]
      >`array(select ${expertSpecialties.specialtyCode} from ${expertSpecialties} where ${expertSpecialties.expertId} = ${outerExpertId} order by 1)`,
      regions: sql<string[]>`array(select region_code from expert_regions where expert_id = ${outerExpertId} order by 1)`,
    })
    .from(experts)
    .innerJoin(users, eq(users.id, experts.userId))
    .where(rosterWhere(query, today))
    .orderBy(asc(experts.name), asc(experts.id))
    .limit(10_000);
  return rows.map((row) => ({ ...row, standing: expertStanding(row, today) }));
}

/** The expert's audit trail (every roster decision, who, when, why), appointment history and applications. */
export async function getExpertHistory(actor: Actor | null, expertId: string) {
  requirePermission(actor, "expert.readAny");
  if (!uuidParam.safeParse(expertId).success) return { events: [], appointments: [], applications: [] };
  const [trail, terms, applications] = await Promise.all([
    db
      .select({
        id: events.id,
        type: events.type,
        at: events.at,
        reason: events.reason,
        data: events.data,
        actorRole: events.actorRole,
        actorName: users.name,
      })
      .from(events)
      .leftJoin(users, eq(users.id, events.actorUserId))
      .where(and(eq(events.entityType, "expert"), eq(events.entityId, expertId)))
      .orderBy(desc(events.at), desc(events.id))
      .limit(200),
    db
      .select({
        id: appointments.id,
        kind: appointments.kind,
        termStart: appointments.termStart,
        termEnd: appointments.termEnd,
        reason: appointments.reason,
        createdAt: appointments.createdAt,
        decidedByName: users.name,
      })
      .from(appointments)
      .leftJoin(users, eq(users.id, appointments.decidedBy))
      .where(eq(appointments.expertId, expertId))
      .orderBy(desc(appointments.termStart)),
    db
      .select({ id: expertApplications.id, status: expertApplications.status, submittedAt: expertApplications.submittedAt })
      .from(expertApplications)
      .where(eq(expertApplications.expertId, expertId))
      .orderBy(desc(expertApplications.submittedAt)),
  ]);
  return { events: trail, appointments: terms, applications };
}
