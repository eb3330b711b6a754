import type { DutyPeriod } from "@/lib/enums";

/**
 * When a duty session (坐诊) runs, China time, by its period: the one place these hours are kept
 * (the calendar feeds, the pages and the rota read them here). A whole day is the morning's start
 * to the afternoon's end.
 */
export const DUTY_PERIOD_TIMES = {
  am: { start: "08:30", end: "12:00" },
  pm: { start: "13:30", end: "17:00" },
  day: { start: "08:30", end: "17:00" },
} as const satisfies Record<DutyPeriod, { start: string; end: string }>;
