import { and, asc, desc, eq, gte, lt, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { dutySessions, experts, stations, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { invalidField, notFound } from "@/lib/errors";
import { hasCurrentAppointment } from "@/lib/roster/term";
import { servesRegion } from "@/lib/roster/serves-region";
import { uuidParam } from "@/lib/validation";
import { addDays, daysBetween } from "./dates";
import { DEFAULT_RANGE_DAYS, MAX_RANGE_DAYS, type DutyRangeQuery } from "./schemas";
import { requireStationPlanner } from "./station-planner";

/**
 * The range a list covers: as asked, or from today (`from` absent) for eight weeks (`to` absent).
 * `to` before `from`, or more than a year after it: 422 on `to`.
 */
export function resolveRange(query: DutyRangeQuery, today = todayInShanghai()): { from: string; to: string } {
  const from = query.from ?? today;
  const to = query.to ?? addDays(from, DEFAULT_RANGE_DAYS);
  if (to < from) throw invalidField("to", "rota.errors.rangeOrder");
  if (daysBetween(from, to) > MAX_RANGE_DAYS) throw invalidField("to", "rota.errors.rangeTooLong");
  return { from, to };
}

const byName = new Intl.Collator("zh-CN");

/** Sessions by date, the morning (and whole days) before the afternoon, then as planned. */
const inDayOrder = [
  asc(dutySessions.date),
  sql`case ${dutySessions.period} when 'pm' then 1 else 0 end`,
  asc(dutySessions.createdAt),
  asc(dutySessions.id),
];

const publicColumns = {
  id: dutySessions.id,
  expertId: dutySessions.expertId,
  expertName: experts.name,
  date: dutySessions.date,
  period: dutySessions.period,
  slots: dutySessions.slots,
  booked: dutySessions.booked,
  status: dutySessions.status,
};

/**
 * Anyone. A station's duty sessions in the range, whatever their status (those awaiting the
 * expert's answer included), without the reasons given; 404 for no such station.
 */
export async function listStationDutySessions(stationId: string, query: DutyRangeQuery) {
  if (!uuidParam.safeParse(stationId).success) throw notFound();
  const range = resolveRange(query);
  const [station] = await db.select({ id: stations.id }).from(stations).where(eq(stations.id, stationId));
  if (!station) throw notFound();
  const items = await db
    .select(publicColumns)
    .from(dutySessions)
    .innerJoin(experts, eq(experts.id, dutySessions.expertId))
    .where(and(eq(dutySessions.stationId, stationId), gte(dutySessions.date, range.from), lte(dutySessions.date, range.to)))
    .orderBy(...inDayOrder);
  return { items, ...range };
}
export type PublicDutySession = Awaited<ReturnType<typeof listStationDutySessions>>["items"][number];

/**
 * The station's planners (requireStationPlanner: its staff, its district's admins; others 403).
 * The rota in the range with what planners read: the reasons, who planned each session, and its series.
 */
export async function listRotaForPlanner(actor: Actor | null, stationId: string, query: DutyRangeQuery) {
  if (!uuidParam.safeParse(stationId).success) throw notFound();
  const station = await requireStationPlanner(db, actor, stationId);
  const range = resolveRange(query);
  const sessions = await db
    .select({
      ...publicColumns,
      reason: dutySessions.reason,
      seriesId: dutySessions.seriesId,
      answeredAt: dutySessions.answeredAt,
      plannedByName: users.name,
    })
    .from(dutySessions)
    .innerJoin(experts, eq(experts.id, dutySessions.expertId))
    .innerJoin(users, eq(users.id, dutySessions.plannedBy))
    .where(and(eq(dutySessions.stationId, stationId), gte(dutySessions.date, range.from), lte(dutySessions.date, range.to)))
    .orderBy(...inDayOrder);
  return { station, sessions, ...range };
}
export type RotaSession = Awaited<ReturnType<typeof listRotaForPlanner>>["sessions"][number];

/**
 * The station's planners. The experts who can be planned today (a current appointment), those
 * serving the station's region first, then by name.
 */
export async function plannableExperts(actor: Actor | null, stationId: string) {
  const station = await requireStationPlanner(db, actor, stationId);
  const serves = servesRegion(station.regionCode);
  const rows = await db
    .select({ id: experts.id, name: experts.name, organization: experts.organization, servesStation: sql<boolean>`${serves}`.mapWith(Boolean) })
    .from(experts)
    .where(hasCurrentAppointment(todayInShanghai()));
  return rows.sort((a, b) => Number(b.servesStation) - Number(a.servesStation) || byName.compare(a.name, b.name) || a.id.localeCompare(b.id));
}
export type PlannableExpert = Awaited<ReturnType<typeof plannableExperts>>[number];

/**
 * The expert (duty.answer). Their sessions at every station from today on, and the last 30 days'
 * (most recent first, at most 20), each with the station's name and address.
 */
export async function listDutySessionsForExpert(actor: Actor | null) {
  const expert = requirePermission(actor, "duty.answer");
  if (!expert.expertId) return { upcoming: [], recent: [] };
  const today = todayInShanghai();
  const columns = {
    ...publicColumns,
    reason: dutySessions.reason,
    stationId: stations.id,
    stationName: stations.name,
    stationAddress: stations.address,
    stationPhone: stations.phone,
  };
  const mine = eq(dutySessions.expertId, expert.expertId);
  const [upcoming, recent] = await Promise.all([
    db
      .select(columns)
      .from(dutySessions)
      .innerJoin(experts, eq(experts.id, dutySessions.expertId))
      .innerJoin(stations, eq(stations.id, dutySessions.stationId))
      .where(and(mine, gte(dutySessions.date, today)))
      .orderBy(...inDayOrder)
      .limit(200),
    db
      .select(columns)
      .from(dutySessions)
      .innerJoin(experts, eq(experts.id, dutySessions.expertId))
      .innerJoin(stations, eq(stations.id, dutySessions.stationId))
      .where(and(mine, lt(dutySessions.date, today), gte(dutySessions.date, addDays(today, -30))))
      .orderBy(desc(dutySessions.date), asc(dutySessions.id))
      .limit(20),
  ]);
  return { upcoming, recent };
}
export type ExpertDutySession = Awaited<ReturnType<typeof listDutySessionsForExpert>>["upcoming"][number];
