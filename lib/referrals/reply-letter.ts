import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { enterprises, experts, requestReferrals, requests, users } from "@/db/schema";
import { referralColumns } from "./referral-columns";
import { requirePermission, type Actor } from "@/lib/authz";
import { clockSql } from "@/lib/clock";
import { conflict, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { getRequestDisputes } from "@/lib/disputes/queries";
import { panelRecord } from "@/lib/panels/queries";
import { loadCaseForParty } from "@/lib/requests/access";

/** The reply letter is drafted once the case has an outcome. */
const LETTER_STATUSES = new Set(["resolved", "closed"]);

/** The referral row of a request the admin covers; 404 when the request is not a referral or not theirs. */
async function loadReferral(admin: Actor, requestId: string) {
  const core = await loadCaseForParty(db, admin, requestId);
  const [referral] = await db
    .select({ ...referralColumns, replyIssuedByName: users.name })
    .from(requestReferrals)
    .leftJoin(users, eq(users.id, requestReferrals.replyIssuedBy))
    .where(eq(requestReferrals.requestId, core.id));
  if (!referral) throw notFound();
  return { core, referral };
}

/**
 * The reply letter (回复函) to the body that referred a case, drafted from the case: the referral,
 * what was asked, the expert and the panel who joined them (会诊) with its opinions, the disputes with
 * what the ledger says was recovered, the summary.
 * For the admins of the request's district (others: 404; a request that is not a referral: 404).
 * `ready` is false until the request is resolved or closed; the page then says so.
 */
export async function getReplyLetter(actor: Actor | null, requestId: string) {
  const admin = requirePermission(actor, "referral.reply");
  const { core, referral } = await loadReferral(admin, requestId);
  const [row] = await db
    .select({
      id: requests.id,
      caseNumber: requests.caseNumber,
      title: requests.title,
      description: requests.description,
      status: requests.status,
      resolutionSummary: requests.resolutionSummary,
      submittedAt: requests.submittedAt,
      resolvedAt: requests.resolvedAt,
      closedAt: requests.closedAt,
      partyName: enterprises.name,
      partyKind: enterprises.partyKind,
      expertName: experts.name,
    })
    .from(requests)
    .innerJoin(enterprises, eq(enterprises.id, requests.enterpriseId))
    .leftJoin(experts, eq(experts.id, requests.assignedExpertId))
    .where(eq(requests.id, core.id));
  const [ledger, panel] = await Promise.all([getRequestDisputes(admin, core.id), panelRecord(core.id)]);
  return {
    ...row!,
    referral,
    ready: LETTER_STATUSES.has(row!.status),
    disputes: ledger.disputes.map((d) => ({
      id: d.id,
      counterpartyName: d.counterpartyName,
      kind: d.kind,
      claimedFen: d.claimedFen,
      status: d.status,
      resolutionMethod: d.resolutionMethod,
      recoveredFen: d.recoveredFen,
    })),
    recoveredFen: ledger.totals.recoveredFen,
    panel: { memberNames: panel.memberNames, opinions: panel.opinions.map((o) => ({ id: o.id, body: o.body, agreedNames: o.agreedNames })) },
  };
}
export type ReplyLetter = Awaited<ReturnType<typeof getReplyLetter>>;

/**
 * Records that the reply letter was issued: once (a single conditional UPDATE; a second call, or
 * two at once, finds it issued and changes nothing), with a "request.reply_letter_issued" event on
 * the case's timeline. For the admins of the request's district (others: 404); 409 before the case
 * is resolved or closed.
 */
export async function issueReplyLetter(actor: Actor | null, requestId: string) {
  const admin = requirePermission(actor, "referral.reply");
  const { core, referral } = await loadReferral(admin, requestId);
  if (!LETTER_STATUSES.has(core.status)) throw conflict("referrals.errors.notReady");
  if (referral.replyIssuedAt) return { issuedAt: referral.replyIssuedAt, alreadyIssued: true };
  return db.transaction(async (tx) => {
    const [issued] = await tx
      .update(requestReferrals)
      .set({ replyIssuedAt: clockSql(), replyIssuedBy: admin.userId })
      .where(and(eq(requestReferrals.requestId, core.id), isNull(requestReferrals.replyIssuedAt)))
      .returning({ issuedAt: requestReferrals.replyIssuedAt });
    if (!issued) {
      const [earlier] = await tx
        .select({ issuedAt: requestReferrals.replyIssuedAt })
        .from(requestReferrals)
        .where(eq(requestReferrals.requestId, core.id));
      return { issuedAt: earlier!.issuedAt!, alreadyIssued: true };
    }
    await recordEvent(tx, admin, { type: "request.reply_letter_issued", entityType: "request", entityId: core.id, requestId: core.id });
    return { issuedAt: issued.issuedAt!, alreadyIssued: false };
  });
}
