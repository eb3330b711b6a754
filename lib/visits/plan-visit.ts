import { and, eq, isNull, sql } from "drizzle-orm";
import { companyVisits, enterprises, experts, users } from "@/db/schema";
import { requireDistrict, requirePermission, type Actor } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { AppError, conflict, forbidden, invalidField, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";
import { hasCurrentAppointment } from "@/lib/roster/term";
import { outer } from "@/lib/sql/outer-column";
import { inTransaction } from "@/lib/transaction";
import { uuidParam } from "@/lib/validation";
import { companyMembers, ifActive } from "./audience";
import type { PlanVisitInput } from "./schemas";
import { companyDistrict } from "./scope";

/**
 * Plans a visit to a company (巡诊): an expert for themself, an admin for any currently appointed
 * expert, but only to a company of its own district (another district's: 403). The day is today
 * or later (China time), else 422 on visitOn. 404 for an unknown company; 409 for a company
 * with no account to answer; 422 on expertId for an admin who names none, or an expert without a
 * current appointment (an expert planning for themself without one: 409). Writes the proposed
 * visit and its event (in the company's district); the company's members are told, and the expert
 * when an admin planned it.
 */
export async function planVisit(actor: Actor | null, enterpriseId: string, input: PlanVisitInput): Promise<{ id: string; status: "proposed" }> {
  const planner = requirePermission(actor, "visit.plan");
  if (!uuidParam.safeParse(enterpriseId).success) throw notFound();
  const forSelf = planner.expertId !== null;
  if (forSelf && input.expertId && input.expertId !== planner.expertId) throw forbidden();
  const expertId = forSelf ? planner.expertId! : input.expertId;
  if (!expertId) throw invalidField("expertId", "errors.field.required");
  if (input.visitOn < todayInShanghai()) throw invalidField("visitOn", "visits.errors.dateInPast");
  return inTransaction(async (tx) => {
    const [company] = await tx
      .select({
        name: enterprises.name,
        regionCode: enterprises.regionCode,
        creditCode: enterprises.creditCode,
        claimedCreditCode: enterprises.claimedCreditCode,
        members:
          sql<number>`(select count(*) from ${users} where ${users.enterpriseId} = ${outer(enterprises.id)} and ${users.disabledAt} is null)`.mapWith(
            Number,
          ),
      })
      .from(enterprises)
      .where(eq(enterprises.id, enterpriseId));
    if (!company) throw notFound();
    const district = companyDistrict(company);
    requireDistrict(planner, "visit.plan", district);
    if (company.members === 0) throw conflict("visits.errors.noAccount");
    // Locked with a share lock, so a suspension decided at this moment waits for the visit or sees it.
    const [expert] = await tx
      .select({ name: experts.name, userId: experts.userId })
      .from(experts)
      .innerJoin(users, eq(users.id, experts.userId))
      .where(and(eq(experts.id, expertId), hasCurrentAppointment(), isNull(users.disabledAt)))
      .for("share", { of: experts });
    if (!expert) {
      if (forSelf) throw conflict("visits.errors.notAppointed");
      throw new AppError("invalid_input", "errors.invalidInput", { fields: { expertId: "visits.errors.notAppointed" } });
    }
    const [visit] = await tx
      .insert(companyVisits)
      .values({ enterpriseId, expertId, plannedBy: planner.userId, visitOn: input.visitOn, purpose: input.purpose })
      .returning({ id: companyVisits.id });
    const id = visit!.id;
    await recordEvent(tx, planner, {
      type: "visit.planned",
      entityType: "company_visit",
      entityId: id,
      regionCode: district,
      data: { enterpriseId, expertId, visitOn: input.visitOn, purpose: input.purpose },
    });
    const data = { visitId: id, company: company.name, name: expert.name, date: input.visitOn, purpose: input.purpose };
    await notify(tx, { userIds: await companyMembers(tx, enterpriseId), kind: "visit.planned", data });
    if (!forSelf) await notify(tx, { userIds: await ifActive(tx, expert.userId), kind: "visit.assigned", data });
    return { id, status: "proposed" as const };
  });
}
