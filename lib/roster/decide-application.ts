import { and, eq, inArray } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { applicationChecks, expertApplications, experts, users } from "@/db/schema";
import { requireDistrict, requirePermission, type Actor } from "@/lib/authz";
import { AppError, conflict, forbidden, isUniqueViolation, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { todayInShanghai } from "@/lib/clock";
import { notify } from "@/lib/notifications/notify";
import { readApplicationDetails, requiredChecks, type ApplicationDetails } from "./application-details";
import { recordAppointment } from "./record-appointment";
import { expertDecisionView } from "./expert-decision-view";
import type { DecisionInput } from "./schemas";
import { termEndFor } from "./term";

/**
 * An admin of the applicant's district (their home region's) approves or rejects a pending
 * application, with a reason; another district's admin gets 403. Approving a new expert
 * appoints them from today (Asia/Shanghai) for `termYears` (default 3); approving a change of
 * name or licence number applies it. The decision is one conditional UPDATE on the pending row,
 * so a second decision (or two at once) gets 409. Approval needs the checklist ticked (409).
 * An admin cannot decide their own application (403). Writes the decision, the expert, the
 * appointment, audit events and the expert's notification in one transaction.
 */
export async function decideApplication(actor: Actor | null, applicationId: string, input: DecisionInput) {
  const admin = requirePermission(actor, "application.decide");
  try {
    return await db.transaction(async (tx) => {
      // The applicant's row is locked so their district stays the one checked.
      const [target] = await tx
        .select({ expertId: expertApplications.expertId, expertUserId: experts.userId, homeRegionCode: experts.homeRegionCode })
        .from(expertApplications)
        .innerJoin(experts, eq(experts.id, expertApplications.expertId))
        .where(eq(expertApplications.id, applicationId))
        .for("update", { of: experts });
      if (!target) throw notFound();
      requireDistrict(admin, "application.decide", target.homeRegionCode);
      if (target.expertUserId === admin.userId) throw forbidden();
      const [decided] = await tx
        .update(expertApplications)
        .set({
          status: input.approve ? "approved" : "rejected",
          decidedBy: admin.userId,
          decidedAt: new Date(),
          decisionReason: input.reason,
          termYears: input.approve ? input.termYears : null,
        })
        .where(and(eq(expertApplications.id, applicationId), eq(expertApplications.status, "pending")))
        .returning({ details: expertApplications.details });
      if (!decided) throw conflict("roster.errors.alreadyDecided");
      const details = readApplicationDetails(decided.details);
      if (input.approve) await assertChecklistComplete(tx, applicationId, details);
      const context = { tx, admin, applicationId, expertId: target.expertId, expertUserId: target.expertUserId, input };
      if (details.kind === "join") await decideJoin(context);
      else await decideChange(context, details);
      return (await expertDecisionView(tx, target.expertId))!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "experts_license_key")) {
      throw new AppError("conflict", "roster.errors.licenceTaken", { fields: { licenseNumber: "roster.errors.licenceTaken" } });
    }
    throw error;
  }
}

interface DecisionContext {
  tx: Tx;
  admin: Actor;
  applicationId: string;
  expertId: string;
  expertUserId: string;
  input: DecisionInput;
}

async function assertChecklistComplete(tx: Tx, applicationId: string, details: ApplicationDetails) {
  const needed = requiredChecks(details);
  const done = await tx
    .select({ item: applicationChecks.item })
    .from(applicationChecks)
    .where(and(eq(applicationChecks.applicationId, applicationId), inArray(applicationChecks.item, [...needed])));
  if (done.length < needed.length) throw conflict("roster.errors.checklistIncomplete");
}

async function decideJoin({ tx, admin, applicationId, expertId, expertUserId, input }: DecisionContext) {
  if (!input.approve) {
    await tx
      .update(experts)
      .set({ status: "rejected", updatedAt: new Date() })
      .where(and(eq(experts.id, expertId), eq(experts.status, "pending")));
    await recordEvent(tx, admin, {
      type: "application.rejected",
      entityType: "expert",
      entityId: expertId,
      reason: input.reason,
      data: { applicationId },
    });
    await notify(tx, { userIds: [expertUserId], kind: "expert.decision", data: { decision: "rejected", reason: input.reason } });
    return;
  }
  const termStart = todayInShanghai();
  const termEnd = termEndFor(termStart, input.termYears);
  const [appointed] = await tx
    .update(experts)
    .set({ status: "active", termStart, termEnd, updatedAt: new Date() })
    .where(and(eq(experts.id, expertId), inArray(experts.status, ["pending", "rejected"])))
    .returning({ id: experts.id });
  if (!appointed) throw conflict("roster.errors.alreadyDecided");
  await recordAppointment(tx, admin, {
    expertId,
    expertUserId,
    kind: "appoint",
    termStart,
    termEnd,
    termYears: input.termYears,
    reason: input.reason,
    applicationId,
  });
}

async function decideChange(
  { tx, admin, applicationId, expertId, expertUserId, input }: DecisionContext,
  details: Extract<ApplicationDetails, { kind: "change" }>,
) {
  if (input.approve) {
    const { name, licenseNumber } = details.changes;
    await tx
      .update(experts)
      .set({ ...(name ? { name } : {}), ...(licenseNumber ? { licenseNumber } : {}), updatedAt: new Date() })
      .where(eq(experts.id, expertId));
    if (name) await tx.update(users).set({ name }).where(eq(users.id, expertUserId));
  }
  await recordEvent(tx, admin, {
    type: input.approve ? "expert.change_approved" : "expert.change_rejected",
    entityType: "expert",
    entityId: expertId,
    reason: input.reason,
    data: { applicationId, changes: { ...details.changes }, previous: { ...details.previous } },
  });
  await notify(tx, {
    userIds: [expertUserId],
    kind: "expert.decision",
    data: { decision: input.approve ? "change_approved" : "change_rejected", reason: input.reason },
  });
}
