import { sql, type SQL } from "drizzle-orm";
import { db, rowsOf } from "@/db";
import { deadlines } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime } from "@/lib/clock";
import type { Locale } from "@/lib/i18n/catalog";
import { withinRegion } from "@/lib/regions/codes";
import type { Period } from "./period";

export interface ComplianceRow {
  key: string;
  /** The district's or expert's name in the caller's language, or the month ("2026-11"). */
  label: string;
  /** Deadlines that fell due in the period (a step withdrawn before its deadline does not count). */
  due: number;
  /** Of those, the ones done by their deadline. */
  met: number;
}

/**
 * The dashboard's service-level compliance (from the deadlines of lib/timeliness/sweep.ts): of the
 * deadlines that fell due in the period and by now, the share met in time, per district, per
 * expert (the steps an expert owed) and per month (Asia/Shanghai). Admins only (403), their district's.
 */
export async function serviceLevelCompliance(actor: Actor | null, period: Period, locale: Locale) {
  const admin = requirePermission(actor, "report.read");
  const now = currentTime();
  const end = now < period.toExclusiveInstant ? now : period.toExclusiveInstant;
  const where = sql`deadlines.due_at >= ${period.fromInstant.toISOString()}::timestamptz and deadlines.due_at < ${end.toISOString()}::timestamptz
    and not (deadlines.lapsed and deadlines.done_at < deadlines.due_at)
    and ${admin.regionScope ? withinRegion(deadlines.regionCode, admin.regionScope) : sql`true`}`;
  const figures = sql`count(*)::int as due,
    count(*) filter (where deadlines.breached_at is null and deadlines.done_at is not null and deadlines.done_at <= deadlines.due_at)::int as met`;
  const grouped = async (key: SQL, label: SQL, join: SQL, order: SQL) =>
    rowsOf<ComplianceRow>(
      await db.execute(sql`select ${key} as key, ${label} as label, ${figures}
        from deadlines ${join} where ${where} group by 1, 2 order by ${order}`),
    ).map((r) => ({ key: String(r.key), label: String(r.label ?? r.key), due: Number(r.due), met: Number(r.met) }));
  const name = locale === "en" ? sql.raw("g.name_en") : sql.raw("g.name_zh");
  const [byDistrict, byExpert, byMonth] = await Promise.all([
    grouped(sql`substr(deadlines.region_code, 1, 6)`, name, sql`left join regions g on g.code = substr(deadlines.region_code, 1, 6)`, sql`1`),
    grouped(sql`deadlines.owed_by_expert_id::text`, sql`x.name`, sql`join experts x on x.id = deadlines.owed_by_expert_id`, sql`3 desc, 2`),
    grouped(
      sql`to_char(deadlines.due_at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
      sql`to_char(deadlines.due_at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
      sql``,
      sql`1`,
    ),
  ]);
  return { byDistrict, byExpert: byExpert.slice(0, 15), byMonth };
}
