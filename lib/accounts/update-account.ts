import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { invalidField, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import type { UpdateAccountInput } from "./user-schemas";

/**
 * Any signed-in account changes its own name, phone, e-mail preference (which notifications also
 * come by e-mail) and the language of its mails. An expert's name and phone are those of the
 * profile (a new name is vetted there): sent here they are 422. A field left out stays. Writes an
 * "account.updated" event naming the fields changed (not their values).
 */
export async function updateAccount(actor: Actor | null, input: UpdateAccountInput): Promise<{ changed: string[] }> {
  const me = requirePermission(actor, "me.updateAccount");
  if (me.expertId) {
    if (input.name !== undefined) throw invalidField("name", "accounts.settings.onProfile");
    if (input.phone !== undefined) throw invalidField("phone", "accounts.settings.onProfile");
  }
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ name: users.name, phone: users.phone, emailNotifications: users.emailNotifications, locale: users.locale })
      .from(users)
      .where(eq(users.id, me.userId))
      .for("update");
    if (!before) throw notFound();
    const after = {
      name: input.name ?? before.name,
      phone: input.phone === undefined ? before.phone : input.phone,
      emailNotifications: input.emailNotifications,
      locale: input.locale,
    };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((field) => after[field] !== before[field]);
    if (!changed.length) return { changed };
    await tx.update(users).set(after).where(eq(users.id, me.userId));
    await recordEvent(tx, me, { type: "account.updated", entityType: "user", entityId: me.userId, data: { changed } });
    return { changed };
  });
}
