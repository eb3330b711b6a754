import { eq } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { enterprises, users } from "@/db/schema";
import { admitRegistration } from "@/lib/auth/login-throttle";
import { hashPassword } from "@/lib/auth/password";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { normalizeCompanyName } from "@/lib/names";
import type { registerEnterpriseSchema } from "./schemas";

type RegisterInput = z.output<typeof registerEnterpriseSchema>;

const taken = (field: "email" | "creditCode") =>
  new AppError("conflict", "errors.invalidInput", {
    fields: { [field]: field === "email" ? "errors.field.emailTaken" : "errors.field.creditCodeHeld" },
  });

/** Who holds a credit code now: an enterprise some account belongs to, one only stations filed for, or nobody. */
async function creditCodeHolder(creditCode: string): Promise<"account" | "stations" | null> {
  const [holder] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.creditCode, creditCode));
  if (!holder) return null;
  const [member] = await db.select({ id: users.id }).from(users).where(eq(users.enterpriseId, holder.id)).limit(1);
  return member ? "account" : "stations";
}

async function insertEnterpriseAndUser(input: RegisterInput, passwordHash: string, unverified: boolean) {
  return db.transaction(async (tx) => {
    const [enterprise] = await tx
      .insert(enterprises)
      .values({
        name: input.companyName,
        nameNormalized: normalizeCompanyName(input.companyName),
        // Unverified, the company record does not take the code: the walk-in requests filed under
        // it stay with the stations until an admin has verified who registered.
        creditCode: unverified ? null : input.creditCode,
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
      data: { creditCode: input.creditCode, verified: !unverified },
    });
    return { enterpriseId: enterprise!.id, userId: user!.id };
  });
}

/**
 * Anyone may register a company: creates the enterprise and its first member account. Counted per
 * client address before any work (429 past the limit). Throws conflict (409) with a field message
 * when the e-mail is taken, or when an account already holds the credit code (a colleague invites
 * instead). A code only stations have filed requests for registers unverified: the company record
 * does not take the code, and the registration event says so (data.verified = false).
 */
export async function registerEnterprise(input: RegisterInput, context: { address: string }) {
  await admitRegistration(context.address);
  const [existingUser] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
  if (existingUser) throw taken("email");
  if ((await creditCodeHolder(input.creditCode)) === "account") throw taken("creditCode");
  const passwordHash = await hashPassword(input.password);
  for (let attempt = 0; ; attempt++) {
    // Decided again after the hash: a station or another registration may have taken the code meanwhile.
    const holder = await creditCodeHolder(input.creditCode);
    if (holder === "account") throw taken("creditCode");
    try {
      return await insertEnterpriseAndUser(input, passwordHash, holder === "stations");
    } catch (error) {
      if (isUniqueViolation(error, "users_email_key")) throw taken("email");
      if (!isUniqueViolation(error, "enterprises_credit_code_key") || attempt > 0) throw error;
    }
  }
}
