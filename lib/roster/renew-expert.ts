import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { experts } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { conflict, notFound } from "@/lib/errors";
import { todayInShanghai } from "@/lib/clock";
import { checkRenewalAppraisals } from "@/lib/appraisals/renewal";
import { lockExpertInDistrict } from "./district";
import { recordAppointment } from "./record-appointment";
import { expertDecisionView } from "./expert-decision-view";
import type { RenewInput } from "./schemas";
import { daysBetween, termEndFor } from "./term";

/** How early a term may be renewed: within its last year (so a double click cannot stack terms). */
export const RENEWAL_WINDOW_DAYS = 365;

/**
 * An admin renews an active or suspended expert's appointment for `termYears`. Before the end
 * date the new term follows on without a gap; after expiry it starts today. 404 unknown, 403 for
 * another district's expert (lib/authz.ts outsideDistrict), 409 for another status or a term that
 * does not end within RENEWAL_WINDOW_DAYS; 422 (appraisalReason) when the term holds a 不称职
 * appraisal and no reason for renewing despite it is given (lib/appraisals/renewal.ts). Conditional on the term read, so two renewals at once
 * give one new term.
 */
export async function renewExpert(actor: Actor | null, expertId: string, input: RenewInput) {
  const admin = requirePermission(actor, "expert.renew");
  const today = todayInShanghai();
  return db.transaction(async (tx) => {
    await lockExpertInDistrict(tx, admin, "expert.renew", expertId);
    const [expert] = await tx
      .select({ userId: experts.userId, status: experts.status, termStart: experts.termStart, termEnd: experts.termEnd })
      .from(experts)
      .where(eq(experts.id, expertId));
    if (!expert) throw notFound();
    if (expert.status !== "active" && expert.status !== "suspended") throw conflict("roster.errors.wrongStatus");
    const continues = expert.termStart !== null && expert.termEnd !== null && expert.termEnd > today;
    if (continues && daysBetween(today, expert.termEnd!) > RENEWAL_WINDOW_DAYS) throw conflict("roster.errors.renewTooEarly");
    const incompetentYears = await checkRenewalAppraisals(tx, expertId, expert.termStart, input.appraisalReason);
    const newStart = continues ? expert.termEnd! : today;
    const newEnd = termEndFor(newStart, input.termYears);
    const [renewed] = await tx
      .update(experts)
      .set({ termStart: continues ? expert.termStart! : today, termEnd: newEnd, updatedAt: new Date() })
      .where(
        and(
          eq(experts.id, expertId),
          inArray(experts.status, ["active", "suspended"]),
          expert.termEnd ? eq(experts.termEnd, expert.termEnd) : undefined,
        ),
      )
      .returning({ id: experts.id });
    if (!renewed) throw conflict();
    await recordAppointment(tx, admin, {
      expertId,
      expertUserId: expert.userId,
      kind: "renew",
      termStart: newStart,
      termEnd: newEnd,
      termYears: input.termYears,
      reason: input.reason,
      ...(incompetentYears.length ? { data: { incompetentYears, appraisalReason: input.appraisalReason } } : {}),
    });
    return (await expertDecisionView(tx, expertId))!;
  });
}
