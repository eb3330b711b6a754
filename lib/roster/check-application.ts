import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { applicationChecks, expertApplications, experts } from "@/db/schema";
import { requireDistrict, requirePermission, type Actor } from "@/lib/authz";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import type { CheckInput } from "./schemas";

/**
 * An admin of the applicant's district (their home region's) ticks (or unticks) one vetting
 * checklist item of a pending application; the tick records who and when. Throws 404 for an
 * unknown application, 403 for another district's, 409 once it is decided.
 * Writes application_checks and an audit event on the expert.
 */
export async function checkApplication(actor: Actor | null, applicationId: string, input: CheckInput) {
  const admin = requirePermission(actor, "application.check");
  return db.transaction(async (tx) => {
    // Locks the application so a decision cannot slip in between this read and the write (only the
    // application: a decision locks the applicant's row first, then the application).
    const [application] = await tx
      .select({ expertId: expertApplications.expertId, status: expertApplications.status, homeRegionCode: experts.homeRegionCode })
      .from(expertApplications)
      .innerJoin(experts, eq(experts.id, expertApplications.expertId))
      .where(eq(expertApplications.id, applicationId))
      .for("update", { of: expertApplications });
    if (!application) throw notFound();
    requireDistrict(admin, "application.check", application.homeRegionCode);
    if (application.status !== "pending") throw conflict("roster.errors.alreadyDecided");
    if (input.checked) {
      const values = { applicationId, item: input.item, checkedBy: admin.userId, checkedAt: new Date(), note: input.note ?? "" };
      await tx
        .insert(applicationChecks)
        .values(values)
        .onConflictDoUpdate({
          target: [applicationChecks.applicationId, applicationChecks.item],
          set: { checkedBy: values.checkedBy, checkedAt: values.checkedAt, note: values.note },
        });
    } else {
      await tx.delete(applicationChecks).where(and(eq(applicationChecks.applicationId, applicationId), eq(applicationChecks.item, input.item)));
    }
    await recordEvent(tx, admin, {
      type: input.checked ? "application.checked" : "application.unchecked",
      entityType: "expert",
      entityId: application.expertId,
      reason: input.note ?? null,
      data: { applicationId, item: input.item },
    });
    const checks = await tx
      .select({ item: applicationChecks.item, checkedBy: applicationChecks.checkedBy, checkedAt: applicationChecks.checkedAt })
      .from(applicationChecks)
      .where(eq(applicationChecks.applicationId, applicationId));
    return { applicationId, checks };
  });
}
