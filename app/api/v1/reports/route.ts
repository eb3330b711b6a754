// GET /api/v1/reports - admin: figures of a period grouped by region, specialty, expert, station, channel, month, category of work or outcome
import { apiRoute } from "@/lib/http/api-route";
import { getReport } from "@/lib/reports/get-report";
import { reportQuerySchema } from "@/lib/reports/schemas";
import { reportResponse } from "@/lib/reports/responses";

export const GET = apiRoute({ permission: "report.read", query: reportQuerySchema, response: reportResponse }, ({ actor, query, locale }) =>
  getReport(actor, query, locale),
);
