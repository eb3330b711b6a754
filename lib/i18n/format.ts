import type { Locale } from "./catalog";

const TIME_ZONE = "Asia/Shanghai";

/** A moment shown in Asia/Shanghai: "2026年11月29日 10:05" / "29 Nov 2026, 10:05". */
export function formatDateTime(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(value));
}

/** A calendar date ("YYYY-MM-DD" or a moment, taken in Asia/Shanghai). */
export function formatDate(value: Date | string, locale: Locale): string {
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value);
  return new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, year: "numeric", month: "short", day: "numeric" }).format(date);
}

/** Today's date in Asia/Shanghai as "YYYY-MM-DD". */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function formatCount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}
