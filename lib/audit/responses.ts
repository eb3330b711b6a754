import { z } from "zod";
import { id, timestamp, windowPageOf } from "@/lib/http/wire";
import type { AuditEventRow } from "./queries";

// The answers of the audit routes, as they are on the wire.

const auditEvent = z.strictObject({
  id: z.number().int(),
  at: timestamp,
  type: z.string(),
  /** Null for the system (deadlines, scheduled work, sign-in lockouts). */
  actorId: id.nullable(),
  actorRole: z.string(),
  actorName: z.string().nullable(),
  /** Written through an API token: the token, and the admin who issued it. */
  tokenId: id.optional(),
  issuerId: id.optional(),
  entityType: z.string(),
  entityId: z.string(),
  /** What the record is called (an expert's or account's name, a request's title), when it has a name. */
  entityName: z.string().nullable(),
  requestId: id.nullable(),
  /** The district (county code) the event belongs to; null = zone-wide. */
  regionCode: z.string().nullable(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});

export const auditEventListResponse = windowPageOf(auditEvent);

/** One event as the API answers it: the token fields only when the event was written through a token. */
export function auditEventOnWire(row: AuditEventRow) {
  return {
    id: row.id,
    at: row.at,
    type: row.type,
    actorId: row.actorId,
    actorRole: row.actorRole,
    actorName: row.actorName,
    ...(row.tokenId ? { tokenId: row.tokenId } : {}),
    ...(row.issuerId ? { issuerId: row.issuerId } : {}),
    entityType: row.entityType,
    entityId: row.entityId,
    entityName: row.entityName,
    requestId: row.requestId,
    regionCode: row.regionCode,
    reason: row.reason,
    data: (row.data ?? null) as Record<string, unknown> | null,
  };
}
