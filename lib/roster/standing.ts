import type { ExpertStatus } from "@/lib/enums";
import { daysBetween, isTermCurrent } from "./term";

/** Days before the end of a term from which the roster flags it. */
export const EXPIRING_WITHIN_DAYS = 90;

/**
 * Where an expert stands today, as people read it: the stored status, refined for an active
 * expert by the term (not yet started, expired) and availability (paused until a date).
 */
export type Standing = Exclude<ExpertStatus, "active"> | "active" | "paused" | "expired" | "notStarted";

export function expertStanding(
  expert: { status: ExpertStatus; termStart: string | null; termEnd: string | null; pausedUntil?: string | null },
  today: string,
): Standing {
  if (expert.status !== "active") return expert.status;
  if (!isTermCurrent(expert.termStart, expert.termEnd, today)) {
    return expert.termStart !== null && expert.termStart > today ? "notStarted" : "expired";
  }
  return expert.pausedUntil && expert.pausedUntil > today ? "paused" : "active";
}

/** A current term that ends within EXPIRING_WITHIN_DAYS: time to renew. */
export function isExpiringSoon(termEnd: string | null, today: string, withinDays = EXPIRING_WITHIN_DAYS): boolean {
  if (!termEnd || termEnd <= today) return false;
  return daysBetween(today, termEnd) <= withinDays;
}
