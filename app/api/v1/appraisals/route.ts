// GET /api/v1/appraisals - admin: the year's scorecards and grades (a district's admin: its district's experts), as JSON or an Excel file
import { appraisalsResponse } from "@/lib/appraisals/responses";
import { exportAppraisals } from "@/lib/appraisals/export";
import { listAppraisals } from "@/lib/appraisals/queries";
import { appraisalsQuerySchema } from "@/lib/appraisals/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { XLSX } from "@/lib/http/wire";

export const GET = apiRoute(
  { permission: "appraisal.read", query: appraisalsQuerySchema, response: appraisalsResponse, produces: ["application/json", XLSX] },
  async ({ actor, query, locale }) => {
    if (query.format === "json") return { items: await listAppraisals(actor, query) };
    const file = await exportAppraisals(actor, query, locale);
    return new Response(file.body, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
      },
    });
  },
);
