import { eq } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/db";
import { notifications, requests, users } from "@/db/schema";
import { env, siteUrl } from "@/lib/env";
import { log } from "@/lib/log";
import { composeNotificationEmail, type EmailContent } from "./email-content";
import type { NotificationKind } from "./notify";

export interface MailSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
}

/**
 * What an account that chose "important" still gets by e-mail: what asks it to act or decides about
 * it. Experts: offers, decisions about them, a company querying a payment they recorded. Filers: a
 * request returned to them, and money recorded on (or taken off) their ledger. Admins: a request no
 * expert took, and a return visit that found the company dissatisfied. Everyone: a service-level
 * deadline they owe near or missed, an appointment ending; on the rota, a duty session planned for
 * them, declined (to the planner) or cancelled; a consultation booked or cancelled.
 */
export const IMPORTANT_KINDS: ReadonlySet<NotificationKind> = new Set<NotificationKind>([
  "offer.new",
  "request.received",
  "offer.deadline",
  "expert.appointed",
  "expert.decision",
  "recovery.queried",
  "request.returned",
  "recovery.recorded",
  "recovery.reversed",
  "request.needs_attention",
  "return_visit.follow_up",
  // service levels: a deadline near or missed, an appointment about to end
  "deadline.reminder",
  "deadline.breached",
  "expert.renewal",
  "expert.appraised",
  // the rota: sessions to confirm, a session declined (to plan again) or cancelled
  "duty.planned",
  "duty.declined",
  "duty.cancelled",
  // duty days: the booker's confirmation of a consultation, and a booking cancelled
  "booking.confirmed",
  "booking.cancelled",
  // visits to companies: the company is asked to answer, the expert is given one, an answer or a cancellation changes plans
  "visit.planned",
  "visit.assigned",
  "visit.declined",
  "visit.cancelled",
  "visit.needs_work",
]);

/**
 * How long a mail server may take to accept the connection, to greet, and to answer each step.
 * A hung server fails the delivery within seconds, and the queue retries it (its expiry in
 * lib/jobs/policy.ts is longer than all three together), instead of holding a worker for minutes.
 */
export const MAIL_TIMEOUTS_MS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 15_000 } as const;

let override: MailSettings | null | undefined;
let cached: { key: string; transport: Transporter } | undefined;

/** SMTP settings from the environment; null when no SMTP_HOST is set (mail goes to the log). */
function mailSettings(): MailSettings | null {
  if (override !== undefined) return override;
  const e = env();
  if (!e.SMTP_HOST) return null;
  return { host: e.SMTP_HOST, port: e.SMTP_PORT, secure: e.SMTP_SECURE, user: e.SMTP_USER, password: e.SMTP_PASSWORD, from: e.MAIL_FROM };
}

/** Tests point the mailer at their own SMTP server (undefined restores the environment's). */
export function setMailSettingsForTests(settings: MailSettings | null | undefined): void {
  override = settings;
  cached = undefined;
}

function transportFor(settings: MailSettings): Transporter {
  const key = JSON.stringify(settings);
  if (cached?.key !== key) {
    cached = {
      key,
      transport: nodemailer.createTransport({
        host: settings.host,
        port: settings.port,
        secure: settings.secure,
        auth: settings.user ? { user: settings.user, pass: settings.password ?? "" } : undefined,
        ...MAIL_TIMEOUTS_MS,
      }),
    };
  }
  return cached.transport;
}

/**
 * Sends one plain-text mail through the configured SMTP server, or prints it to the server log when
 * there is none. A refusal throws, so the job that called it is retried.
 */
export async function deliverMail(mail: { to: string } & EmailContent): Promise<void> {
  const settings = mailSettings();
  if (!settings) {
    log().info(`[mail] to=${mail.to} subject=${mail.subject}\n${mail.text}`);
    return;
  }
  await transportFor(settings).sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
}

/**
 * Job: e-mails one notification, in the recipient's language, as plain text. Without mail
 * settings the message is printed to the server log. A failure throws, so the queue retries it
 * (the notification is read afresh each time). Disabled accounts get nothing, and every account
 * what its e-mail preference asks for (users.email_notifications: all, only IMPORTANT_KINDS, or none).
 */
export async function sendNotificationEmail({ notificationId }: { notificationId: string }): Promise<void> {
  const [row] = await db
    .select({
      kind: notifications.kind,
      data: notifications.data,
      requestId: notifications.requestId,
      requestTitle: requests.title,
      caseNumber: requests.caseNumber,
      email: users.email,
      name: users.name,
      locale: users.locale,
      disabledAt: users.disabledAt,
      preference: users.emailNotifications,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(requests, eq(requests.id, notifications.requestId))
    .where(eq(notifications.id, notificationId));
  if (!row || row.disabledAt || row.preference === "none") return;
  if (row.preference === "important" && !IMPORTANT_KINDS.has(row.kind as NotificationKind)) return;
  const content = composeNotificationEmail({
    kind: row.kind,
    data: row.data as Record<string, unknown> | null,
    requestTitle: row.requestTitle,
    caseNumber: row.caseNumber,
    requestId: row.requestId,
    recipientName: row.name,
    locale: row.locale,
    baseUrl: siteUrl(),
  });
  await deliverMail({ to: row.email, ...content });
}
