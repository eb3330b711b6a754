import { sendNotificationEmail } from "@/lib/notifications/send-email";

/**
 * Every background job by name. A domain adds its handler here; handlers must be idempotent
 * (a job can run twice after a crash) and take plain JSON data.
 */
export const jobHandlers = {
  /** A job that does nothing, to exercise the queue itself. */
  "system.noop": async (_data: { note?: string }) => {},
  "notification.email": sendNotificationEmail,
};

export type JobName = keyof typeof jobHandlers;
