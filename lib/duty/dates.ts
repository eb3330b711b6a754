// Calendar dates ("YYYY-MM-DD") as the rota counts them: plain days, no time zone, no database
// (the plan form checks its input in the browser with the same rules).

const DAY_MS = 86_400_000;
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The date `days` after `date` (before, when negative). */
export const addDays = (date: string, days: number): string => new Date(utc(date) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number => Math.round((utc(to) - utc(from)) / DAY_MS);

/** The Monday of the date's week (weeks run Monday to Sunday in China). */
export const mondayOf = (date: string): string => addDays(date, -((new Date(utc(date)).getUTCDay() + 6) % 7));
