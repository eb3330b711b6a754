import type { DeadlineKind } from "@/lib/enums";
import { addWorkingDays, addWorkingHours, workingHoursBetween } from "./working-time";
import type { ServiceLevels } from "./schemas";

/*
 * When each service level falls due and when its owner is reminded. The reminder comes when three
 * quarters of the step's working time is gone, and never later than one working hour before the
 * deadline: a working day to triage (7.5 h) reminds after 5.5 h, an urgent request (2 h) after
 * 1 h, a 60-working-day resolution 15 working days before. A case silent for `staleDays` calendar
 * days reminds its expert at once and escalates to the district's admins a week later.
 */

/** From the reminder of a silent case to its escalation. */
export const STALE_ESCALATION_DAYS = 7;
const DAY_MS = 86_400_000;

/** The moment to remind the owner of a step that runs from `start` to `due` (in working time). */
export function reminderAt(start: Date, due: Date): Date {
  const hours = workingHoursBetween(start, due);
  const lead = Math.max(1, hours / 4);
  return addWorkingHours(start, Math.max(0, hours - lead));
}

/** The deadline of a step that started at `start`, by the service levels in force. */
export function dueAt(
  kind: Exclude<DeadlineKind, "offer">,
  start: Date,
  levels: ServiceLevels,
  request: { urgency?: string; category?: string },
): Date {
  switch (kind) {
    case "triage":
      return addWorkingHours(start, request.urgency === "urgent" ? levels.urgentTriageHours : levels.triageHours);
    case "contact":
      return addWorkingHours(start, levels.firstContactHours);
    case "resolution":
      return addWorkingDays(start, levels.resolutionDays[request.category as keyof ServiceLevels["resolutionDays"]] ?? 30);
    case "stale":
      return new Date(staleRemindAt(start, levels).getTime() + STALE_ESCALATION_DAYS * DAY_MS);
  }
}

/** A silent case's reminder: `staleDays` calendar days after its last activity. */
export function staleRemindAt(lastActivity: Date, levels: ServiceLevels): Date {
  return new Date(lastActivity.getTime() + levels.staleDays * DAY_MS);
}

/** Working hours from the deadline to when the step ended (or now), to one decimal. */
export function lateHours(due: Date, doneOrNow: Date): number {
  return Math.round(workingHoursBetween(due, doneOrNow) * 10) / 10;
}

/** The days before an appointment ends on which its expert and admins are reminded. */
export const RENEWAL_STAGES = [90, 30, 7] as const;
