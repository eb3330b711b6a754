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

/**
 * Whether the monthly rollups can answer: they are kept per month and per county, so the period
 * must be whole months and the scope no finer than a county. Otherwise the ledger answers.
 */
export function rollupServes(scope: ReportScope, period: Period): boolean {
  return period.isWholeMonths && (scope.prefix === null || scope.prefix.length <= 6);
}

/** SQL: the request (table `requests`) lies within the scope. */
export function requestInScope(scope: ReportScope): SQL {
  return scope.regionCode ? withinRegion(requests.regionCode, scope.regionCode) : sql`true`;
}
