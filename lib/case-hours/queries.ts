import { asc, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { caseHours, experts } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { isCaseParty, loadVisibleRequest } from "@/lib/requests/access";

export interface CaseHoursList {
  entries: { id: string; workedOn: string; minutes: number; note: string | null; expertName: string; createdAt: Date }[];
  totalMinutes: number;
}

/**
 * The hours recorded on a case, newest day first, with their total: for the expert holding the
 * case and the admins whose district it is in (404 for whoever cannot see the request, null for
 * the company, the station and an expert merely offered it: the hours are the society's record).
 */
export async function listCaseHours(actor: Actor, requestId: string): Promise<CaseHoursList | null> {
  const request = await loadVisibleRequest(db, actor, requestId);
  if (!(actor.role === "admin" || actor.role === "expert") || !isCaseParty(actor, request)) return null;
  const entries = await db
    .select({
      id: caseHours.id,
      workedOn: caseHours.workedOn,
      minutes: caseHours.minutes,
      note: caseHours.note,
      expertName: experts.name,
      createdAt: caseHours.createdAt,
    })
    .from(caseHours)
    .innerJoin(experts, eq(experts.id, caseHours.expertId))
    .where(eq(caseHours.requestId, request.id))
    .orderBy(desc(caseHours.workedOn), asc(caseHours.createdAt));
  return { entries, totalMinutes: entries.reduce((sum, e) => sum + e.minutes, 0) };
}
