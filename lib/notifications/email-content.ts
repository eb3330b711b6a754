import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/catalog";
import { translator } from "@/lib/i18n/translate";
import { describeNotification, type NotificationFacts } from "./describe";

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

/** A notification as an e-mail in the recipient's language (users.locale). */
export function composeNotificationEmail(
  input: NotificationFacts & { recipientName: string; locale: string; requestId?: string | null; baseUrl: string },
): EmailContent {
  const locale: Locale = isLocale(input.locale) ? input.locale : defaultLocale;
  const t = translator(locale);
  const { headline, details } = describeNotification(t, input);
  const url = `${input.baseUrl.replace(/\/$/, "")}${input.requestId ? `/requests/${input.requestId}` : "/inbox"}`;
  const text = [
    t("notifications.email.greeting", { name: input.recipientName }),
    "",
    headline,
    ...details,
    "",
    t("notifications.email.link", { url }),
    "",
    "--",
    `${t("common.societyName")} · ${t("common.appName")}`,
    t("notifications.email.footer"),
  ].join("\n");
  return { subject: oneLine(t("notifications.email.subject", { app: t("common.appNameShort"), text: headline })), text };
}
