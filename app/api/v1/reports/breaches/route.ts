// GET /api/v1/reports/breaches - admin: service-level deadlines missed (a district's admin: its district), as JSON pages or a CSV/Excel file
import { apiRoute } from "@/lib/http/api-route";
import { CSV, XLSX } from "@/lib/http/wire";
import { exportBreaches, listBreaches } from "@/lib/reports/breaches";
import { breachesResponse } from "@/lib/reports/responses";
import { breachesQuerySchema } from "@/lib/reports/schemas";

export const GET = apiRoute(
  { permission: "report.read", query: breachesQuerySchema, response: breachesResponse, produces: ["application/json", CSV, XLSX] },
  async ({ actor, query, locale }) => {
    if (query.format === "json") return listBreaches(actor, query);
    const file = await exportBreaches(actor, query, locale);
    return new Response(file.body, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
      },
    });
  },
);
