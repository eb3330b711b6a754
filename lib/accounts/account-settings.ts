import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import type { EmailPreference } from "@/lib/enums";
import { notFound } from "@/lib/errors";
import { isLocale, defaultLocale, type Locale } from "@/lib/i18n/locales";

export interface AccountSettings {
  email: string;
  name: string;
  phone: string | null;
  emailNotifications: EmailPreference;
  locale: Locale;
  /** An expert's name and phone are on the profile. */
  isExpert: boolean;
}

/** Any signed-in account: its own settings, as the account page shows them. */
export async function accountSettings(actor: Actor | null): Promise<AccountSettings> {
  const me = requirePermission(actor, "me.updateAccount");
  const [row] = await db
    .select({ email: users.email, name: users.name, phone: users.phone, emailNotifications: users.emailNotifications, locale: users.locale })
    .from(users)
    .where(eq(users.id, me.userId));
  if (!row) throw notFound();
  return {
    ...row,
    emailNotifications: row.emailNotifications as EmailPreference,
    locale: isLocale(row.locale) ? row.locale : defaultLocale,
    isExpert: me.expertId !== null,
  };
}
