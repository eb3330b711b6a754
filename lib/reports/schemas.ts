import { z } from "zod";
import { deadlineKinds } from "@/lib/enums";
import { pageQuery } from "@/lib/validation";
import { defaultPeriod, makePeriod, parsePeriodBound, type Period } from "./period";

/** What a report can be grouped by (API `groupBy`). */
export const reportDimensions = ["region", "specialty", "expert", "station", "channel", "month", "category", "outcome"] as const;
export type ReportDimension = (typeof reportDimensions)[number];

const MAX_PERIOD_DAYS = 20 * 366;

const periodFields = {
  /** "YYYY-MM" or "YYYY-MM-DD"; by default this year so far. */
  from: z.string().trim().optional(),
  to: z.string().trim().optional(),
};

function toPeriod(v: { from?: string; to?: string }, ctx: z.RefinementCtx): Period {
  const fallback = defaultPeriod();
  const from = v.from ? parsePeriodBound(v.from, false) : fallback.from;
  const to = v.to ? parsePeriodBound(v.to, true) : fallback.to;
  if (!from) ctx.addIssue({ code: "custom", path: ["from"], message: "reports.errors.period" });
  if (!to) ctx.addIssue({ code: "custom", path: ["to"], message: "reports.errors.period" });
  if (!from || !to) return z.NEVER;
  if (from > to) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "reports.errors.periodOrder" });
    return z.NEVER;
  }
  if (Date.parse(to) - Date.parse(from) > MAX_PERIOD_DAYS * 86_400_000) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "reports.errors.periodTooLong" });
    return z.NEVER;
  }
  return makePeriod(from, to);
}

/** The most rows a page of a report holds (and how many the API answers when no page size is asked for). */
export const MAX_REPORT_PAGE_SIZE = 500;

/** GET /api/v1/reports and the dashboard's filters: a page of the rows (by expert there may be 100,000). */
export const reportQuerySchema = z
  .object({
    groupBy: z.enum(reportDimensions).default("month"),
    ...periodFields,
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_REPORT_PAGE_SIZE).default(MAX_REPORT_PAGE_SIZE),
  })
  .transform((v, ctx) => ({ groupBy: v.groupBy, period: toPeriod(v, ctx), paging: { page: v.page, pageSize: v.pageSize } }));
export type ReportQuery = z.output<typeof reportQuerySchema>;

export const exportFormats = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** GET /api/v1/reports/export */
export const reportExportQuerySchema = z
  .object({ groupBy: z.enum(reportDimensions).default("month"), format: z.enum(exportFormats).default("xlsx"), ...periodFields })
  .transform((v, ctx) => ({ groupBy: v.groupBy, format: v.format, period: toPeriod(v, ctx) }));

/** Age buckets in calendar days since filing, half-open: 0 ≤ age < 1 is "0-1d", 1 ≤ age < 3 is "1-3d", … */
export const agingBuckets = ["0-1d", "1-3d", "3-7d", "7-30d", "30d+"] as const;
export type AgingBucket = (typeof agingBuckets)[number];

/** GET /reports/aging: `region` narrows the open requests to a county or a town. */
export const agingQuerySchema = z.object({
  region: z
    .string()
    .trim()
    .regex(/^\d{6}(\d{3})?$/, "errors.field.unknownRegion")
    .optional(),
});

export const breachFormats = ["json", "csv", "xlsx"] as const;

/**
 * GET /reports/breaches: the service-level breaches whose deadline fell in the period (by default
 * this year so far), of one kind, in a county or a town; a page of them as JSON, or all of them
 * (at most BREACHES_EXPORT_MAX_ROWS) as a file.
 */
export const breachesQuerySchema = z
  .object({
    kind: z.enum(deadlineKinds).optional(),
    region: agingQuerySchema.shape.region,
    format: z.enum(breachFormats).default("json"),
    ...periodFields,
    ...pageQuery.shape,
  })
  .transform(({ from, to, ...v }, ctx) => ({ ...v, period: toPeriod({ from, to }, ctx) }));
export type BreachesQuery = z.output<typeof breachesQuerySchema>;
