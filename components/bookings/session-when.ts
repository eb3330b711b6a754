import { TIME_ZONE } from "@/lib/clock";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDate } from "@/lib/i18n/format";

const weekdays = new Map<Locale, Intl.DateTimeFormat>();

/** A session's date with its weekday: "2026年5月12日 周二" / "May 12, 2026 (Tue)". */
export function dateWithWeekday(date: string, locale: Locale): string {
  let formatter = weekdays.get(locale);
  if (!formatter) weekdays.set(locale, (formatter = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, weekday: "short" })));
  const weekday = formatter.format(new Date(`${date}T12:00:00+08:00`));
  return locale === "en" ? `${formatDate(date, locale)} (${weekday})` : `${formatDate(date, locale)} ${weekday}`;
}
