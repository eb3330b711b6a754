import type { JobName } from "./registry";

/**
 * How often the queue looks for jobs whose worker died (a crash, a deploy) and hands them back.
 * A lost job is retried at most its expiry + this interval + its first retry delay after it started.
 */
export const MAINTENANCE_INTERVAL_SECONDS = 15;

export interface QueuePolicy {
  /** A job still running after this long counts as lost: it is failed and retried. */
  expireInSeconds: number;
  retryLimit: number;
  /** The first retry waits 1-2× this, each further one twice as long (pg-boss's backoff). */
  retryDelay: number;
  retryBackoff: true;
  /** Workers in each process, and how many jobs each takes at a time (run side by side). */
  workers: number;
  batchSize: number;
}

const standard: QueuePolicy = { expireInSeconds: 60, retryLimit: 8, retryDelay: 5, retryBackoff: true, workers: 1, batchSize: 1 };

/**
 * Mail waits on another server: its timeouts (lib/notifications/send-email.ts) end a hung
 * conversation well inside the expiry, several run side by side so one slow delivery holds up
 * no other, and it keeps retrying for hours (about 11 h in all) while the mail server is down.
 */
const mail: QueuePolicy = { ...standard, expireInSeconds: 30, retryLimit: 12, workers: 2, batchSize: 5 };

/** The sweeps walk every overdue row; they get longer before they count as lost. */
const sweep: QueuePolicy = { ...standard, expireInSeconds: 300 };

export const queuePolicies: Record<JobName, QueuePolicy> = {
  "system.noop": standard,
  "notification.email": mail,
  "account.password-link": mail,
  "account.reset-requested": standard,
  "request.autoClose": standard,
  "request.autoCloseSweep": sweep,
  "routing.expire-offer": standard,
  "routing.remind-offer": standard,
  "routing.expire-due-offers": sweep,
};
