// GET /api/v1/audit-events - admin (own district): the audit trail, newest first; filters actorId, actor, entityType, entityId, type, from, to (YYYY-MM-DD; an invalid date -> 422)
import { auditEventListResponse, auditEventOnWire } from "@/lib/audit/responses";
import { listAuditEvents } from "@/lib/audit/queries";
import { auditListQuery } from "@/lib/audit/schemas";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute({ permission: "audit.read", query: auditListQuery, response: auditEventListResponse }, async ({ actor, query }) => {
  const { page, pageSize, ...filter } = query;
  const result = await listAuditEvents(actor, filter, { page, pageSize });
  return { ...result, items: result.items.map(auditEventOnWire) };
});
