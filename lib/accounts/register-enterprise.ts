import { eq } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { enterprises, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { normalizeCompanyName } from "@/lib/names";
import type { registerEnterpriseSchema } from "./schemas";

/**
 * Anyone may register a company: creates the enterprise and its first member account.
 * Throws conflict (409) with a field message when the e-mail or credit code is taken.
 */
export async function registerEnterprise(input: z.output<typeof registerEnterpriseSchema>) {
  const taken = (field: "email" | "creditCode") =>
    new AppError("conflict", "errors.invalidInput", {
      fields: { [field]: field === "email" ? "errors.field.emailTaken" : "errors.field.creditCodeTaken" },
    });
  const [existingUser] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
  if (existingUser) throw taken("email");
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [enterprise] = await tx
        .insert(enterprises)
        .values({
          name: input.companyName,
          nameNormalized: normalizeCompanyName(input.companyName),
          creditCode: input.creditCode,
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
      await recordEvent(tx, actor, { type: "enterprise.registered", entityType: "enterprise", entityId: enterprise!.id });
      return { enterpriseId: enterprise!.id, userId: user!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) throw taken("email");
    if (isUniqueViolation(error, "enterprises_credit_code_key")) throw taken("creditCode");
    throw error;
  }
}
