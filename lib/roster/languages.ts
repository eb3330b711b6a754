/** Language and dialect codes an expert can work in; labels at `enums.language.*`. */
export const languageCodes = ["zh", "wu", "sh", "en", "ja", "ko"] as const;
export type LanguageCode = (typeof languageCodes)[number];

/** How an expert wants e-mail: every notification, only offers and decisions, or none (the inbox always gets them). */
export const notifyPreferences = ["all", "important", "none"] as const;
export type NotifyPreference = (typeof notifyPreferences)[number];
