// GET /api/v1/reports/export - admin: the same report as a CSV or Excel file (Chinese headers, yuan with two decimals)
import { apiRoute } from "@/lib/http/api-route";
import { exportReport } from "@/lib/reports/export";
import { reportExportQuerySchema } from "@/lib/reports/schemas";
import { CSV, XLSX } from "@/lib/http/wire";

export const GET = apiRoute({ permission: "report.export", query: reportExportQuerySchema, produces: [CSV, XLSX] }, async ({ actor, query }) => {
  const file = await exportReport(actor, query);
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
    },
  });
});
