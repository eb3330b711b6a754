import { defaultLocale, isLocale } from "@/lib/i18n/catalog";
import { translator, type Translate } from "@/lib/i18n/translate";
import { describeNotification, notificationPath, type NotificationFacts } from "./describe";

export interface EmailContent {
  subject: string;
  /** Plain text only: what users typed can never become markup in a mail client. */
  text: string;
}

/** Subjects are one line (a newline in a header would be an injection), and short. */
const oneLine = (value: string, max = 120) => {
  const flat = value.replace(/[\r\n\t]+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** The translator of a recipient's language (users.locale), Chinese when it is not one we have. */
export function recipientTranslator(locale: string): Translate {
  return translator(isLocale(locale) ? locale : defaultLocale);
}

/** A plain-text mail in the house layout: the greeting, the paragraphs, the society's signature. */
export function composeLetter(t: Translate, input: { recipientName: string; headline: string; paragraphs: string[] }): EmailContent {
  const text = [
    t("notifications.email.greeting", { name: input.recipientName }),
    "",
    ...input.paragraphs,
    "",
    "--",
    `${t("common.societyName")} · ${t("common.appName")}`,
    t("notifications.email.footer"),
  ].join("\n");
  return { subject: oneLine(t("notifications.email.subject", { app: t("common.appNameShort"), text: input.headline })), text };
}

/** A notification as an e-mail in the recipient's language (users.locale). */
export function composeNotificationEmail(
  input: NotificationFacts & { recipientName: string; locale: string; requestId?: string | null; baseUrl: string },
): EmailContent {
  const t = recipientTranslator(input.locale);
  const { headline, details } = describeNotification(t, input);
  const url = `${input.baseUrl.replace(/\/$/, "")}${notificationPath(input) ?? "/inbox"}`;
  return composeLetter(t, {
    recipientName: input.recipientName,
    headline,
    paragraphs: [headline, ...details, "", t("notifications.email.link", { url })],
  });
}
