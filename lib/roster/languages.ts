/** Language and dialect codes an expert can work in; labels at `enums.language.*`. */
export const languageCodes = ["zh", "wu", "sh", "en", "ja", "ko"] as const;
export type LanguageCode = (typeof languageCodes)[number];

/** How an expert wants e-mail: the account's e-mail preference (users.email_notifications), edited on the profile too. */
export { emailPreferences as notifyPreferences, type EmailPreference as NotifyPreference } from "@/lib/enums";
