import { and, eq, exists, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { enterprises, users } from "@/db/schema";
import { admitRegistration } from "@/lib/auth/login-throttle";
import { hashPassword } from "@/lib/auth/password";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { normalizeCompanyName } from "@/lib/names";
import { consentColumns, consentData } from "@/lib/privacy/notice";
import type { registerEnterpriseSchema } from "./schemas";

type RegisterInput = z.output<typeof registerEnterpriseSchema>;

const taken = (field: "email" | "creditCode") =>
  new AppError("conflict", "errors.invalidInput", {
    fields: { [field]: field === "email" ? "errors.field.emailTaken" : "errors.field.creditCodeHeld" },
  });

/**
 * Whether an account holds the credit code: a company with members holds it, or a registration
 * waits for verification of it. A record only stations filed for holds it for nobody: one
 * statement, the same work whether or not a station ever filed for the code.
 */
async function heldByAnAccount(creditCode: string): Promise<boolean> {
  const member = db
    .select({ one: sql`1` })
    .from(users)
    .where(eq(users.enterpriseId, enterprises.id));
  const [row] = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(
      or(
        and(eq(enterprises.creditCode, creditCode), exists(member)),
        and(eq(enterprises.claimedCreditCode, creditCode), eq(enterprises.verification, "pending")),
      ),
    )
    .limit(1);
  return Boolean(row);
}

async function insertEnterpriseAndUser(input: RegisterInput, passwordHash: string) {
  return db.transaction(async (tx) => {
    const [enterprise] = await tx
      .insert(enterprises)
      .values({
        name: input.companyName,
        nameNormalized: normalizeCompanyName(input.companyName),
        // The company claims the code and holds it once an admin has verified who registered:
        // until then the requests stations filed under it stay theirs (lib/companies/decide-verification.ts).
        creditCode: null,
        claimedCreditCode: input.creditCode,
        verification: "pending",
        contactName: input.contactName,
        contactPhone: input.phone ?? null,
      })
      .returning({ id: enterprises.id });
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        passwordHash,
        role: "enterprise",
        name: input.contactName,
        phone: input.phone ?? null,
        enterpriseId: enterprise!.id,
        ...consentColumns(input.privacyConsent),
      })
      .returning({ id: users.id });
    const actor = {
      userId: user!.id,
      role: "enterprise",
      email: input.email,
      name: input.contactName,
      enterpriseId: enterprise!.id,
      stationId: null,
      expertId: null,
      regionScope: null,
    } as const;
    await recordEvent(tx, actor, {
      type: "enterprise.registered",
      entityType: "enterprise",
      entityId: enterprise!.id,
      data: { creditCode: input.creditCode, verification: "pending", ...consentData(input.privacyConsent) },
    });
    return { enterpriseId: enterprise!.id, userId: user!.id };
  });
}

/**
 * Anyone may register a company: creates the enterprise and its first member account (with the
 * privacy notice it consented to, when it did: the web form requires it, the API may send it). Counted per
 * client address before any work (429 past the limit). Throws conflict (409) with a field message
 * when the e-mail is taken, or when an account already holds the credit code or waits for it (a
 * colleague invites instead). Every registration waits for an admin's verification before the
 * company holds its code, so the answer is the same whether or not a station ever filed for it.
 */
export async function registerEnterprise(input: RegisterInput, context: { address: string }) {
  await admitRegistration(context.address);
  const [existingUser] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
  if (existingUser) throw taken("email");
  if (await heldByAnAccount(input.creditCode)) throw taken("creditCode");
  const passwordHash = await hashPassword(input.password);
  // Decided again after the hash: another registration may have claimed the code meanwhile.
  if (await heldByAnAccount(input.creditCode)) throw taken("creditCode");
  try {
    return await insertEnterpriseAndUser(input, passwordHash);
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) throw taken("email");
    if (isUniqueViolation(error, "enterprises_claimed_credit_code_key")) throw taken("creditCode");
    throw error;
  }
}
