import { clockSql } from "@/lib/clock";
import type { DbOrTx } from "@/db";
import { events } from "@/db/schema";
import type { Actor } from "@/lib/authz";

export interface EventInput {
  type: string;
  entityType: string;
  entityId: string;
  requestId?: string | null;
  /**
   * The district (county code) the event belongs to. Leave it out: the database derives it from
   * the entity (migration 0022, events_fill_region). Name it only for what has no district of its
   * own, such as an export (the exporting admin's district).
   */
  regionCode?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
}

/** Appends one timeline/audit event; call it inside the transaction that makes the change. */
export async function recordEvent(tx: DbOrTx, actor: Actor | null, event: EventInput): Promise<void> {
  await tx.insert(events).values({
    type: event.type,
    entityType: event.entityType,
    entityId: event.entityId,
    requestId: event.requestId ?? null,
    actorUserId: actor?.userId ?? null,
    actorRole: actor?.role ?? "system",
    tokenId: actor?.tokenId ?? null,
    issuerId: actor?.tokenIssuerId ?? null,
    regionCode: event.regionCode ?? null,
    reason: event.reason ?? null,
    data: event.data ?? null,
    // The domain's clock: the database's in production, the stopped one of a test or the simulator.
    at: clockSql(),
  });
}
