import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { enterprises, requests, users } from "@/db/schema";
import { requireDistrict, requirePermission, type Actor } from "@/lib/authz";
import { conflict, isUniqueViolation, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { notify } from "@/lib/notifications/notify";
import { inTransaction } from "@/lib/transaction";
import { uuidParam } from "@/lib/validation";
import type { VerificationInput } from "./schemas";

/**
 * The district a registration is verified in: the administrative division in its credit code
 * (characters 3-8 of a 统一社会信用代码 name the authority that registered the company). Only the
 * admins of that district (and unscoped admins) decide; outsideDistrict["enterprise.verify"].
 */
export const verificationDistrict = (creditCode: string) => creditCode.slice(2, 8);

/**
 * The company takes its credit code: the requests stations filed under the record that held it
 * move to the company, and the record gives the code up in the same transaction (the unique index
 * on credit_code holds at every step). The holder is locked first, so a station filing for it
 * either commits before (and its request moves) or waits and then finds the company
 * (lib/requests/file-request.ts). 409 when another company with accounts holds the code.
 */
async function takeOverCode(tx: Tx, admin: Actor, enterpriseId: string, code: string): Promise<number> {
  const [holder] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.creditCode, code)).for("update");
  let moved: { id: string }[] = [];
  if (holder) {
    const [member] = await tx.select({ id: users.id }).from(users).where(eq(users.enterpriseId, holder.id)).limit(1);
    if (member) throw conflict("companies.errors.codeHeldByCompany");
    moved = await tx.update(requests).set({ enterpriseId }).where(eq(requests.enterpriseId, holder.id)).returning({ id: requests.id });
    await tx.update(enterprises).set({ creditCode: null }).where(eq(enterprises.id, holder.id));
    for (const request of moved) {
      await recordEvent(tx, admin, {
        type: "request.enterprise_verified",
        entityType: "request",
        entityId: request.id,
        requestId: request.id,
        data: { enterpriseId, fromEnterpriseId: holder.id },
      });
    }
  }
  await tx.update(enterprises).set({ creditCode: code }).where(eq(enterprises.id, enterpriseId));
  return moved.length;
}

async function decide(admin: Actor, enterpriseId: string, input: VerificationInput) {
  return inTransaction(async (tx) => {
    const [company] = await tx
      .select({ name: enterprises.name, verification: enterprises.verification, claimedCreditCode: enterprises.claimedCreditCode })
      .from(enterprises)
      .where(eq(enterprises.id, enterpriseId));
    if (!company) throw notFound();
    if (!company.claimedCreditCode || company.verification === null) throw conflict("companies.errors.nothingToVerify");
    requireDistrict(admin, "enterprise.verify", verificationDistrict(company.claimedCreditCode));
    // One conditional UPDATE: of two decisions at once, the second finds nothing pending (409).
    const [decided] = await tx
      .update(enterprises)
      .set({
        verification: input.approve ? "verified" : "refused",
        verificationDecidedAt: new Date(),
        verificationDecidedBy: admin.userId,
        verificationReason: input.reason,
      })
      .where(and(eq(enterprises.id, enterpriseId), eq(enterprises.verification, "pending")))
      .returning({ code: enterprises.claimedCreditCode });
    if (!decided?.code) throw conflict("companies.errors.alreadyDecided");
    const requestsJoined = input.approve ? await takeOverCode(tx, admin, enterpriseId, decided.code) : 0;
    await recordEvent(tx, admin, {
      type: input.approve ? "enterprise.verified" : "enterprise.verification_refused",
      entityType: "enterprise",
      entityId: enterpriseId,
      reason: input.reason,
      data: { creditCode: decided.code, requestsJoined },
    });
    const members = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.enterpriseId, enterpriseId), isNull(users.disabledAt)));
    await notify(tx, {
      userIds: members.map((m) => m.id),
      kind: "enterprise.verification",
      data: { decision: input.approve ? "approved" : "refused", company: company.name, reason: input.reason, requests: requestsJoined },
    });
    return {
      enterpriseId,
      verification: input.approve ? ("verified" as const) : ("refused" as const),
      creditCode: input.approve ? decided.code : null,
      requestsJoined,
    };
  });
}

/**
 * Admins of the district in the company's credit code (others 403; see verificationDistrict):
 * decide whether a self-registered account acts for the company whose code it claimed, with a
 * reason. Approval gives the company the code and the requests stations filed under it; refusal
 * leaves them with the stations and frees the code for another registration. Either way the
 * members are told (inbox and mail). 404 unknown company; 409 nothing to verify, already decided
 * (so of two decisions at once exactly one succeeds), or the code held by another company.
 */
export async function decideVerification(actor: Actor | null, enterpriseId: string, input: VerificationInput) {
  const admin = requirePermission(actor, "enterprise.verify");
  if (!uuidParam.safeParse(enterpriseId).success) throw notFound();
  for (let attempt = 1; ; attempt++) {
    try {
      return await decide(admin, enterpriseId, input);
    } catch (error) {
      // A station's first filing for the code committed between the holder's lookup and the
      // company taking the code: decide again, and its record is now the holder.
      if (!isUniqueViolation(error, "enterprises_credit_code_key") || attempt >= 3) throw error;
    }
  }
}
