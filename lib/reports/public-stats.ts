import { count, inArray, sql } from "drizzle-orm";
import { db, rowsOf } from "@/db";
import { experts, regions } from "@/db/schema";
import { ZONE_COUNTIES, isZoneCounty } from "@/lib/regions/zone";
import { hasCurrentAppointment } from "@/lib/roster/term";

export interface PublicStats {
  expertsActive: number;
  requestsFiled: number;
  requestsResolved: number;
  disputesResolved: number;
  recoveredFen: bigint;
}

interface Totals {
  requests_filed: number;
  requests_resolved: number;
  disputes_resolved: number;
  recovered_fen: string;
}

const totalsSql = sql.raw(
  "sum(requests_filed)::int as requests_filed, sum(requests_resolved)::int as requests_resolved, " +
    "sum(disputes_resolved)::int as disputes_resolved, sum(recovered_fen)::text as recovered_fen",
);

const fromTotals = (row: Totals | undefined) => ({
  requestsFiled: Number(row?.requests_filed ?? 0),
  requestsResolved: Number(row?.requests_resolved ?? 0),
  disputesResolved: Number(row?.disputes_resolved ?? 0),
  recoveredFen: BigInt(row?.recovered_fen ?? 0),
});

/** How many experts have a current appointment, per county (first six digits) of their home region: one pass over the roster. */
export async function activeExpertsByCounty(): Promise<Record<string, number>> {
  const county = sql<string>`left(${experts.homeRegionCode}, 6)`;
  const rows = await db.select({ county, n: count() }).from(experts).where(hasCurrentAppointment()).groupBy(county);
  return Object.fromEntries(rows.map((r) => [r.county, r.n]));
}

/**
 * Where the counts of active experts come from: counted here, or (lib/public-cache/reads.ts) a cache
 * entry of their own that a filing does not expire, so the figures a filing moves are summed again
 * without counting the roster again.
 */
type ActiveExperts = () => Promise<Record<string, number>>;

/**
 * The aggregate figures anyone may see (home page, impact page, GET /api/v1/stats), from the
 * rollups that triggers keep exact with every ledger entry: filed, resolved, disputes resolved,
 * money recovered (net of reversals), and the experts with a current appointment.
 */
export async function getPublicStats(activeExperts: ActiveExperts = activeExpertsByCounty): Promise<PublicStats> {
  const [active, totals] = await Promise.all([activeExperts(), db.execute(sql`select ${totalsSql} from report_rollups where dimension = 'all'`)]);
  const expertsActive = Object.values(active).reduce((sum, n) => sum + n, 0);
  return { expertsActive, ...fromTotals(rowsOf<Totals>(totals)[0]) };
}

/**
 * The impact page's figures by year and by district of the zone (anything outside the three
 * districts under "other"). Aggregates only: no company, case or person is named.
 */
export async function getImpactFigures(activeExperts: ActiveExperts = activeExpertsByCounty) {
  const [byYearRows, byCountyRows, active, names] = await Promise.all([
    db.execute(sql`select extract(year from month)::int as year, ${totalsSql} from report_rollups where dimension = 'all' group by 1 order by 1`),
    db.execute(sql`select left(region_code, 6) as county, ${totalsSql} from report_rollups where dimension = 'all' group by 1`),
    activeExperts(),
    db
      .select({ code: regions.code, nameZh: regions.nameZh, nameEn: regions.nameEn })
      .from(regions)
      .where(inArray(regions.code, [...ZONE_COUNTIES])),
  ]);
  const byYear = rowsOf<Totals & { year: number }>(byYearRows).map((r) => ({ year: Number(r.year), ...fromTotals(r) }));
  const counties = rowsOf<Totals & { county: string }>(byCountyRows);
  const districts = ZONE_COUNTIES.map((code) => ({
    code,
    nameZh: names.find((n) => n.code === code)?.nameZh ?? code,
    nameEn: names.find((n) => n.code === code)?.nameEn ?? code,
    expertsActive: active[code] ?? 0,
    ...fromTotals(counties.find((c) => c.county === code)),
  }));
  const outside = counties.filter((c) => !isZoneCounty(c.county)).map(fromTotals);
  const other = outside.reduce(
    (acc, r) => ({
      requestsFiled: acc.requestsFiled + r.requestsFiled,
      requestsResolved: acc.requestsResolved + r.requestsResolved,
      disputesResolved: acc.disputesResolved + r.disputesResolved,
      recoveredFen: acc.recoveredFen + r.recoveredFen,
    }),
    fromTotals(undefined),
  );
  return { byYear, districts, other };
}
