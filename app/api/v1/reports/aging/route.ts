// GET /api/v1/reports/aging - admin: open requests by district, status and age since filing (a district's admin: its district)
import { apiRoute } from "@/lib/http/api-route";
import { agingReport } from "@/lib/reports/aging";
import { agingQuerySchema } from "@/lib/reports/schemas";
import { agingResponse } from "@/lib/reports/responses";

export const GET = apiRoute({ permission: "report.read", query: agingQuerySchema, response: agingResponse }, ({ actor, query }) =>
  agingReport(actor, query),
);
