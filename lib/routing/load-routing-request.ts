import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { requests } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { visibleRequests } from "@/lib/requests/scope";
import type { RoutingRequest } from "./types";

/**
 * The request as routing sees it, or null when it does not exist or (given an actor) the actor
 * may not see it. Specialties come along as one comma-joined column; a request without any takes its
 * category's (category_specialties), marked `specialtiesFromCategory`.
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
      implied: sql<string>`coalesce((select array_to_string(cs.specialty_codes, ',') from category_specialties cs where cs.category = "requests"."category"), '')`,
    })
    .from(requests)
    .where(and(eq(requests.id, requestId), actor ? visibleRequests(actor) : undefined));
  if (!row) return null;
  const { implied, ...request } = row;
  // The company chose no specialty: the category's (a guess, so it ranks without ruling anyone out).
  if (!row.specialties && implied) return { ...request, specialties: implied.split(","), specialtiesFromCategory: true };
  return { ...request, specialties: row.specialties ? row.specialties.split(",") : [], specialtiesFromCategory: false };
}
