import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { requests } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { visibleRequests } from "@/lib/requests/scope";
import type { RoutingRequest } from "./types";

/**
 * The request as routing sees it, or null when it does not exist or (given an actor) the actor
 * may not see it. Specialties come along as one comma-joined column.
 */
export async function loadRoutingRequest(handle: DbOrTx, requestId: string, actor?: Actor): Promise<RoutingRequest | null> {
  const [row] = await handle
    .select({
      id: requests.id,
      title: requests.title,
      status: requests.status,
      regionCode: requests.regionCode,
      language: requests.language,
      serviceMode: requests.serviceMode,
      urgency: requests.urgency,
      enterpriseId: requests.enterpriseId,
      filedByUserId: requests.filedByUserId,
      assignedExpertId: requests.assignedExpertId,
      needsAttention: requests.needsAttention,
      specialties: sql<string>`coalesce((select string_agg(rs.specialty_code, ',' order by rs.specialty_code) from request_specialties rs where rs.request_id = ${requests.id}), '')`,
    })
    .from(requests)
    .where(and(eq(requests.id, requestId), actor ? visibleRequests(actor) : undefined));
  if (!row) return null;
  return { ...row, specialties: row.specialties ? row.specialties.split(",") : [] };
}
