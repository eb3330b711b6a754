// GET /api/v1/reports/annual - admin: the year's report (figures by district, category, outcome, month, station and expert; typical cases; commendations), as JSON or an Excel workbook
import { getAnnualReport } from "@/lib/annual-report/get-annual-report";
import { annualReportResponse } from "@/lib/annual-report/responses";
import { annualReportQuerySchema } from "@/lib/annual-report/schemas";
import { exportAnnualReport } from "@/lib/annual-report/workbook";
import { apiRoute } from "@/lib/http/api-route";
import { XLSX } from "@/lib/http/wire";

export const GET = apiRoute(
  { permission: "report.read", query: annualReportQuerySchema, response: annualReportResponse, produces: ["application/json", XLSX] },
  async ({ actor, query, locale }) => {
    if (query.format === "json") return getAnnualReport(actor, query.year, locale);
    const file = await exportAnnualReport(actor, query.year, locale);
    return new Response(file.body, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
      },
    });
  },
);
