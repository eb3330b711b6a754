import { and, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { events, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { withinRegion } from "@/lib/regions/codes";
import { countWithinWindow, pageWithinWindow } from "@/lib/list-window";
import { escapeLike } from "@/lib/roster/search-text";
import type { PageQuery } from "@/lib/validation";
import type { AuditFilter } from "./schemas";

const shanghaiMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);
const DAY_MS = 86_400_000;

/**
 * The events an admin may read: a district admin those whose district (events.region_code, see
 * migration 0022) lies within its own; zone-wide events (no district: settings, the zone office's
 * own accounts, sign-in lockouts of unknown accounts) only an unscoped admin reads, like the
 * zone-wide settings themselves. An unscoped admin reads everything.
 */
function visibleEvents(admin: Actor): SQL | undefined {
  return admin.regionScope === null ? undefined : withinRegion(events.regionCode, admin.regionScope);
}

function filterConditions(admin: Actor, filter: AuditFilter): SQL[] {
  const conditions: (SQL | undefined)[] = [visibleEvents(admin)];
  if (filter.actorId) conditions.push(eq(events.actorUserId, filter.actorId));
  if (filter.actor) {
    const who = filter.actor.toLowerCase();
    const named = db
      .select({ id: users.id })
      .from(users)
      .where(or(eq(users.email, who), sql`lower(${users.name}) like ${`%${escapeLike(who)}%`} escape '\\'`));
    conditions.push(inArray(events.actorUserId, named));
  }
  if (filter.entityType) conditions.push(eq(events.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(events.entityId, filter.entityId));
  if (filter.type) conditions.push(eq(events.type, filter.type));
  if (filter.from) conditions.push(gte(events.at, shanghaiMidnight(filter.from)));
  if (filter.to) conditions.push(lt(events.at, new Date(shanghaiMidnight(filter.to).getTime() + DAY_MS)));
  return conditions.filter((c): c is SQL => c !== undefined);
}

const issuers = alias(users, "issuers");

/** What the record an event is about is called: an expert's or account's name, a request's title. */
const entityName = sql<string | null>`case
  when ${events.entityType} = 'expert' then (select name from experts where id = audit_uuid(${events.entityId}))
  when ${events.entityType} = 'user' then (select name from users u where u.id = audit_uuid(${events.entityId}))
  when ${events.entityType} = 'station' then (select name from stations where id = audit_uuid(${events.entityId}))
  when ${events.entityType} = 'enterprise' then (select name from enterprises where id = audit_uuid(${events.entityId}))
  when ${events.entityType} = 'api_token' then (select name from api_tokens where id = audit_uuid(${events.entityId}))
  when ${events.requestId} is not null then (select title from requests where id = ${events.requestId})
end`;

const auditColumns = {
  id: events.id,
  at: events.at,
  type: events.type,
  actorId: events.actorUserId,
  actorRole: events.actorRole,
  actorName: users.name,
  tokenId: events.tokenId,
  issuerId: events.issuerId,
  issuerName: issuers.name,
  entityType: events.entityType,
  entityId: events.entityId,
  entityName,
  requestId: events.requestId,
  regionCode: events.regionCode,
  reason: events.reason,
  data: events.data,
};

function selectAudit(where: SQL | undefined) {
  return db
    .select(auditColumns)
    .from(events)
    .leftJoin(users, eq(users.id, events.actorUserId))
    .leftJoin(issuers, eq(issuers.id, events.issuerId))
    .where(where)
    .orderBy(desc(events.at), desc(events.id));
}

/**
 * Admins (audit.read): a page of the audit trail, newest first, within the admin's district (see
 * visibleEvents), filtered by actor, record, type and Shanghai dates, and how many events match
 * (counted up to LIST_WINDOW, see lib/list-window.ts). Throws 401/403 for others.
 */
export async function listAuditEvents(actor: Actor | null, filter: AuditFilter, page: PageQuery) {
  const admin = requirePermission(actor, "audit.read");
  const where = and(...filterConditions(admin, filter));
  const slice = pageWithinWindow(page);
  const [items, counted] = await Promise.all([
    slice ? selectAudit(where).limit(slice.limit).offset(slice.offset) : [],
    countWithinWindow(db.select({ id: events.id }).from(events).where(where)),
  ]);
  return { items, page: page.page, pageSize: page.pageSize, ...counted };
}
export type AuditEventRow = Awaited<ReturnType<typeof listAuditEvents>>["items"][number];

/** For the export: at most `limit` of the newest matching events, and how many matched in all. */
export async function auditEventsForExport(actor: Actor | null, filter: AuditFilter, limit: number) {
  const admin = requirePermission(actor, "audit.export");
  const where = and(...filterConditions(admin, filter));
  const [items, [total]] = await Promise.all([selectAudit(where).limit(limit), db.select({ n: count() }).from(events).where(where)]);
  return { items, total: total?.n ?? 0 };
}
