/**
 * Every background job by name. A domain adds its handler here; handlers must be idempotent
 * (a job can run twice after a crash) and take plain JSON data.
 */
export const jobHandlers = {
  /** Sends a little probe, so the queue is exercised even before any domain adds a job. */
  "system.noop": async (_data: { note?: string }) => {},
};

export type JobName = keyof typeof jobHandlers;
