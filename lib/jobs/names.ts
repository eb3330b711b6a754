/**
 * Every background job by name (`domain.verb-noun`, kebab-case after the dot), with the plain JSON
 * data it carries. What runs each one is in registry.ts, registered when a process starts; the
 * queue itself needs only these names, so a use case that enqueues a job never imports a handler.
 */
export interface JobData {
  /** A job that does nothing, to exercise the queue itself. */
  "system.noop": { note?: string };
  "notification.email": { notificationId: string };
  /** Queued with every set-password link (invitation or reset): mails the link to its account. */
  "account.password-link": { linkId: string };
  /** Queued by the forgot-password form: makes and queues a reset link if the account exists. */
  "account.reset-requested": { email: string };
  /** Scheduled when a request is resolved: closes it if the enterprise has not confirmed in time. */
  "request.auto-close": { requestId: string };
  /** Safety net for lost auto-close jobs. */
  "request.auto-close-sweep": Record<string, never>;
  /** Scheduled with every offer for its deadline: expires it if still unanswered and cascades. */
  "routing.expire-offer": { offerId: string };
  /** Scheduled with every offer, before its deadline: reminds the expert if it is still unanswered. */
  "routing.remind-offer": { offerId: string };
  /** Safety net for lost deadline jobs. */
  "routing.expire-due-offers": Record<string, never>;
  /** Daily: puts every appointment that ended (term end reached) on its expert's audit trail, once. */
  "roster.end-appointments": Record<string, never>;
  /** Every 5 minutes: opens, reminds, breaches and closes the service-level clocks; renewal reminders. */
  "timeliness.sweep": Record<string, never>;
  /** Every ten minutes: folds the report rollups' shards into one row per key (lib/reports/compact-rollups.ts). */
  "reports.compact-rollups": Record<string, never>;
  /** Housekeeping: drops sign-in throttle rows whose window and lock are over. */
  "auth.prune-login-throttle": Record<string, never>;
}

export type JobName = keyof JobData;

/** What runs each job; handlers must be idempotent (a job can run twice after a crash). */
export type JobHandlers = { [N in JobName]: (data: JobData[N]) => Promise<unknown> };
