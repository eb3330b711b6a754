import { and, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { requests } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { clockSql } from "@/lib/clock";
import { requestStatuses, type RequestStatus } from "@/lib/enums";
import { withinRegion } from "@/lib/regions/codes";
import { agingBuckets, type AgingBucket, type agingQuerySchema } from "./schemas";
import { reportScope, requestInScope } from "./scope";

/** A request is open until it is closed, withdrawn or rejected (resolved still waits for the company). */
const finished: RequestStatus[] = ["closed", "withdrawn", "rejected"];
/** Named one by one, so the open requests are found through the status index rather than by reading every request. */
const openStatuses = requestStatuses.filter((status) => !finished.includes(status));

export interface AgingRow {
  /** The district (county code) the request lies in. */
  regionCode: string;
  status: RequestStatus;
  bucket: AgingBucket;
  count: number;
}

/**
 * GET /api/v1/reports/aging: the open requests by district, status and age, for admins (a
 * district's admin sees its district). `region` narrows it to a county or a town.
 */
export async function agingReport(actor: Actor | null, query: z.infer<typeof agingQuerySchema>): Promise<{ items: AgingRow[] }> {
  const admin = requirePermission(actor, "report.read");
  const age = sql`${clockSql()} - ${requests.submittedAt}`;
  const bucket = sql<AgingBucket>`case
    when ${age} < interval '1 day' then '0-1d'
    when ${age} < interval '3 days' then '1-3d'
    when ${age} < interval '7 days' then '3-7d'
    when ${age} < interval '30 days' then '7-30d'
    else '30d+' end`;
  const district = sql<string>`substr(${requests.regionCode}, 1, 6)`;
  const rows = await db
    .select({ regionCode: district, status: requests.status, bucket, count: sql<number>`count(*)::int` })
    .from(requests)
    .where(
      and(
        inArray(requests.status, openStatuses),
        requestInScope(reportScope(admin)),
        query.region ? withinRegion(requests.regionCode, query.region) : undefined,
      ),
    )
    // by position: the clock is a parameter, so the bucket written again would not match the one selected
    .groupBy(sql`1`, sql`2`, sql`3`);
  const statusOrder = (s: RequestStatus) => requestStatuses.indexOf(s);
  const items = rows
    .map((r) => ({ ...r, count: Number(r.count) }))
    .sort(
      (a, b) =>
        a.regionCode.localeCompare(b.regionCode) ||
        statusOrder(a.status) - statusOrder(b.status) ||
        agingBuckets.indexOf(a.bucket) - agingBuckets.indexOf(b.bucket),
    );
  return { items };
}
