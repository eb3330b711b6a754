import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { emailField, requiredText } from "@/lib/validation";
import { newPasswordField } from "@/lib/auth/password-policy";
import { linkToken } from "./link-token";
import { insertPasswordLinks, NO_PASSWORD_YET } from "./password-links";

export const adminAccountSchema = z.object({
  email: emailField,
  name: requiredText(50),
  password: newPasswordField.optional(),
});
export type AdminAccountInput = z.input<typeof adminAccountSchema>;

const emailTaken = () => new AppError("conflict", "errors.conflict", { fields: { email: "errors.field.emailTaken" } });

/**
 * The operator's command line only (there is no actor yet on an empty database): creates an
 * unscoped admin. Without a password it returns a one-time set-password token (an invitation link
 * valid for a week, handed over by the operator instead of mailed). 409 on an e-mail that exists;
 * the event is on the audit trail as done by the system.
 */
export async function createAdminAccount(raw: AdminAccountInput): Promise<{ userId: string; token: string | null }> {
  const input = adminAccountSchema.parse(raw);
  const passwordHash = input.password ? await hashPassword(input.password) : NO_PASSWORD_YET;
  try {
    return await db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
      if (existing) throw emailTaken();
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, role: "admin", regionScope: null, passwordHash })
        .returning({ id: users.id });
      if (!user) throw new Error("insert returned no row");
      await recordEvent(tx, null, {
        type: "user.created",
        entityType: "user",
        entityId: user.id,
        data: { role: "admin", regionScope: null, by: "command" },
      });
      if (input.password) return { userId: user.id, token: null };
      const [linkId] = await insertPasswordLinks(tx, { userIds: [user.id], purpose: "invite", createdByUserId: null });
      if (!linkId) throw new Error("insert returned no link");
      return { userId: user.id, token: linkToken({ id: linkId, purpose: "invite", userId: user.id }) };
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) throw emailTaken();
    throw error;
  }
}
