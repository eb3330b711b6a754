import { sendPasswordLinkEmail } from "@/lib/accounts/send-password-link";
import { sendResetLink } from "@/lib/accounts/request-password-reset";
import { sendNotificationEmail } from "@/lib/notifications/send-email";
import { autoCloseRequest, closeOverdueResolvedRequests } from "@/lib/requests/auto-close";
import { expireDueOffers, expireOffer } from "@/lib/routing/expire-offers";
import { remindOffer } from "@/lib/routing/remind-offer";

/**
 * Every background job by name. A domain adds its handler here; handlers must be idempotent
 * (a job can run twice after a crash) and take plain JSON data.
 */
export const jobHandlers = {
  /** A job that does nothing, to exercise the queue itself. */
  "system.noop": async (_data: { note?: string }) => {},
  "notification.email": sendNotificationEmail,
  /** Queued with every set-password link (invitation or reset): mails the link to its account. */
  "account.password-link": sendPasswordLinkEmail,
  /** Queued by the forgot-password form: makes and queues a reset link if the account exists. */
  "account.reset-requested": sendResetLink,
  /** Scheduled when a request is resolved: closes it if the enterprise has not confirmed in time. */
  "request.autoClose": async (data: { requestId: string }) => {
    await autoCloseRequest(data);
  },
  /** Safety net for lost auto-close jobs (daily, see jobSchedules). */
  "request.autoCloseSweep": async (_data: Record<string, never>) => {
    await closeOverdueResolvedRequests();
  },
  /** Scheduled with every offer for its deadline: expires it if still unanswered and cascades. */
  "routing.expire-offer": async (data: { offerId: string }) => {
    await expireOffer(data.offerId);
  },
  /** Scheduled with every offer, before its deadline: reminds the expert if it is still unanswered. */
  "routing.remind-offer": async (data: { offerId: string }) => {
    await remindOffer(data.offerId);
  },
  /** Safety net for lost deadline jobs (every five minutes, see jobSchedules). */
  "routing.expire-due-offers": async (_data: Record<string, never>) => {
    await expireDueOffers();
  },
};

export type JobName = keyof typeof jobHandlers;

/**
 * Recurring jobs (cron, Asia/Shanghai) for the worker process to register with pg-boss's
 * scheduler (`boss.schedule(name, cron, {}, { tz })`): the safety-net sweeps.
 */
export const jobSchedules: Partial<Record<JobName, string>> = {
  "request.autoCloseSweep": "17 3 * * *",
  "routing.expire-due-offers": "*/5 * * * *",
};
