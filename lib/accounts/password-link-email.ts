import type { PasswordLinkPurpose } from "@/lib/enums";
import { composeLetter, recipientTranslator, type EmailContent } from "@/lib/notifications/email-content";

/** A set-password link as a plain-text mail in the recipient's language (users.locale). */
export function composePasswordLinkEmail(input: {
  purpose: PasswordLinkPurpose;
  recipientName: string;
  email: string;
  locale: string;
  url: string;
}): EmailContent {
  const t = recipientTranslator(input.locale);
  const [subject, body, validity] =
    input.purpose === "invite"
      ? (["auth.email.inviteSubject", "auth.email.inviteBody", "auth.email.inviteValid"] as const)
      : (["auth.email.resetSubject", "auth.email.resetBody", "auth.email.resetValid"] as const);
  return composeLetter(t, {
    recipientName: input.recipientName,
    headline: t(subject),
    paragraphs: [t(body, { email: input.email }), "", input.url, "", t(validity), t("auth.email.expiredHint")],
  });
}
