import type { PasswordLinkPurpose } from "@/lib/enums";
import { composeLetter, recipientTranslator, type EmailContent } from "@/lib/notifications/email-content";

/** A set-password link as a plain-text mail in the recipient's language (users.locale). */
export function composePasswordLinkEmail(input: {
  purpose: PasswordLinkPurpose;
  recipientName: string;
  email: string;
  locale: string;
  url: string;
  /** An invitation a company member sent: who invited them, to which company. */
  colleague?: { inviter: string; company: string };
}): EmailContent {
  const t = recipientTranslator(input.locale);
  if (input.purpose === "invite" && input.colleague) {
    return composeLetter(t, {
      recipientName: input.recipientName,
      headline: t("companies.email.inviteSubject"),
      paragraphs: [
        t("companies.email.inviteBody", { ...input.colleague, email: input.email }),
        "",
        input.url,
        "",
        t("auth.email.inviteValid"),
        t("auth.email.expiredHint"),
      ],
    });
  }
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
