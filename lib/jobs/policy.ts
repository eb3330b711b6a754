import type { JobName } from "./names";

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
  "request.auto-close": standard,
  "request.auto-close-sweep": sweep,
  "routing.expire-offer": standard,
  "routing.remind-offer": standard,
  "routing.expire-due-offers": sweep,
  "roster.end-appointments": sweep,
  "auth.prune-login-throttle": sweep,
  "timeliness.sweep": sweep,
  "reports.compact-rollups": sweep,
};

/** Recurring jobs (cron, Asia/Shanghai), registered with pg-boss's scheduler where workers start. */
export const jobSchedules: Partial<Record<JobName, string>> = {
  "request.auto-close-sweep": "17 3 * * *",
  "routing.expire-due-offers": "*/5 * * * *",
  "auth.prune-login-throttle": "41 * * * *",
  // Just after midnight in Shanghai, so a term that ends today is on the trail from the start of
  // the day; a missed run (every process down at 00:05) is caught up by the next day's.
  "roster.end-appointments": "5 0 * * *",
  "timeliness.sweep": "*/5 * * * *",
  // Every ten minutes, so readers merge at most a few minutes of writes (the report by expert merges
  // each page with them); each shard is folded in a short transaction of its own, through an index of
  // the uncompacted rows (migration 0046). A missed run only leaves more rows to sum until the next.
  "reports.compact-rollups": "*/10 * * * *",
};

/**
 * Names jobs had before job names took one style: their schedules are dropped where workers start.
 * A job still waiting under an old name is left to the sweeps (request.auto-close-sweep closes an
 * overdue resolved request whatever became of its own job).
 */
export const retiredJobNames = ["request.autoClose", "request.autoCloseSweep"] as const;
