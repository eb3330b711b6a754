import { sql, type SQL } from "drizzle-orm";
import { requests } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { regionPrefix, withinRegion } from "@/lib/regions/codes";
import type { Period } from "./period";

/** What part of the data a report covers and how it may be computed, from the admin's region scope. */
export interface ReportScope {
  /** The admin's region scope (a GB/T 2260 code), or null for everything. */
  regionCode: string | null;
  /** The region-code prefix the scope covers ("33", "3304", "330421"), or null for everything. */
  prefix: string | null;
  /** Group "region" by county across the zone, or by town and street inside one county. */
  regionLevel: "county" | "town";
}

export function reportScope(actor: Pick<Actor, "regionScope">): ReportScope {
  const code = actor.regionScope;
  if (!code) return { regionCode: null, prefix: null, regionLevel: "county" };
  const prefix = regionPrefix(code);
  return { regionCode: code, prefix, regionLevel: prefix.length >= 6 ? "town" : "county" };
}

/** Whether the scope is finer than a county (a town): the tables kept per county cannot answer it. */
export const finerThanCounty = (scope: ReportScope) => scope.prefix !== null && scope.prefix.length > 6;

/**
 * Whether the monthly rollups can answer: they are kept per month and per request region (a county,
 * or a town below it: migration 0047), so any scope is the rows in the range of its code, and the
 * period must be whole months. Otherwise the ledger answers. The dashboard's panel counts (migration
 * 0049) and the acceptance-time counts (migration 0059) are kept per month and town as well and
 * answer on the same condition.
 */
export function rollupServes(period: Period): boolean {
  return period.isWholeMonths;
}

/** SQL: the request (table `requests`) lies within the scope. */
export function requestInScope(scope: ReportScope): SQL {
  return scope.regionCode ? withinRegion(requests.regionCode, scope.regionCode) : sql`true`;
}
