import { z } from "zod";
import { todayInShanghai } from "@/lib/clock";

export const annualReportFormats = ["json", "xlsx"] as const;

/** GET /api/v1/reports/annual and /admin/annual-report: a calendar year (Asia/Shanghai), this year by default. */
export const annualReportQuerySchema = z.object({
  year: z.coerce
    .number()
    .int("annualReport.errors.year")
    .min(2000, "annualReport.errors.year")
    .max(2100, "annualReport.errors.year")
    .default(() => Number(todayInShanghai().slice(0, 4))),
  format: z.enum(annualReportFormats).default("json"),
});
export type AnnualReportQuery = z.output<typeof annualReportQuerySchema>;
