// GET /api/v1/audit-events/export - admin: the same filters, format=csv|xlsx; at most 10,000 of the newest events (X-Total-Count: how many matched)
import { exportAuditEvents } from "@/lib/audit/export";
import { auditExportQuery } from "@/lib/audit/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { CSV, XLSX } from "@/lib/http/wire";

export const GET = apiRoute({ permission: "audit.export", query: auditExportQuery, produces: [CSV, XLSX] }, async ({ actor, query, locale }) => {
  const file = await exportAuditEvents(actor, query, locale);
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
      "x-total-count": String(file.total),
      "x-export-truncated": String(file.truncated),
    },
  });
});
