import { TIME_ZONE } from "@/lib/clock";
import type { Locale } from "./catalog";

// Making an Intl formatter costs far more than using one: each kind is made once per locale.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function memo<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

// Every clock reads 00–23 in every locale: `hour12: false` alone gives "24:21" after midnight in
// English, so each formatter that shows an hour names the cycle.
const CLOCK = { hourCycle: "h23" } as const;

/** A moment shown in Asia/Shanghai: "2026年11月29日 10:05" / "Nov 29, 2026, 10:05". */
export function formatDateTime(value: Date | string, locale: Locale): string {
  const formatter = memo(
    `dateTime ${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone: TIME_ZONE,
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        ...CLOCK,
      }),
  );
  return formatter.format(new Date(value));
}

/** A moment in Asia/Shanghai as "2026-12-01 09:30:00", for files: sorts as text and reads the same in any spreadsheet. */
export function formatTimestamp(value: Date | string): string {
  const formatter = memo(
    "timestamp",
    () =>
      new Intl.DateTimeFormat("sv-SE", {
        timeZone: TIME_ZONE,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
        ...CLOCK,
      }),
  );
  return formatter.format(new Date(value));
}

/** A calendar date ("YYYY-MM-DD" or a moment, taken in Asia/Shanghai). */
export function formatDate(value: Date | string, locale: Locale): string {
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value);
  const formatter = memo(
    `date ${locale}`,
    () => new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, year: "numeric", month: "short", day: "numeric" }),
  );
  return formatter.format(date);
}

export function formatCount(value: number, locale: Locale): string {
  return memo(`count ${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** A long list's count as counted up to its window (lib/list-window.ts): "10,000+" when more match. */
export function formatTotal({ total, totalExact }: { total: number; totalExact: boolean }, locale: Locale): string {
  return `${formatCount(total, locale)}${totalExact ? "" : "+"}`;
}

/** Fen as a short amount for a chart's bar ("¥1.2万" / "¥12K"); the exact amount is in the chart's table. */
export function formatCompactYuan(fen: bigint, locale: Locale): string {
  const formatter = memo(`compactYuan ${locale}`, () => new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }));
  return `¥${formatter.format(Number(fen) / 100)}`;
}

/** A number with at most `digits` decimals: 14.3 / 14.25 → "14.3". */
export function formatDecimal(value: number, locale: Locale, digits = 1): string {
  return memo(`decimal ${digits} ${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: digits })).format(value);
}

/** A calendar month ("2026-03") as "2026年3月" / "Mar 2026", or only the month ("3月" / "Mar"). */
export function formatMonth(month: string, locale: Locale, only: "monthOnly" | "withYear" = "withYear"): string {
  const formatter = memo(
    `month ${only} ${locale}`,
    () => new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "short", ...(only === "withYear" ? { year: "numeric" } : {}) }),
  );
  return formatter.format(new Date(`${month}-01T00:00:00Z`));
}
