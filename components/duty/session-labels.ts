import type { BadgeTone } from "@/components/ui/card";
import type { DutySessionStatus } from "@/lib/enums";
import type { Locale } from "@/lib/i18n/catalog";

/** How a session's status looks: waiting (amber), confirmed (green), declined (red), cancelled (grey), held (blue). */
export const sessionStatusTone: Record<DutySessionStatus, BadgeTone> = {
  planned: "warning",
  confirmed: "success",
  declined: "danger",
  cancelled: "neutral",
  held: "info",
};

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A session's date with its weekday: "10月8日 周四" / "Thu, Oct 8" (the year is in the week's heading). */
export function sessionDay(date: string, locale: Locale): string {
  let format = dayFormats.get(locale);
  if (!format)
    dayFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: "short", month: "short", day: "numeric" })));
  return format.format(new Date(`${date}T00:00:00Z`));
}

const longFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A session's date in full with its weekday: "2026年12月30日 周三" / "Wed, Dec 30, 2026". */
export function sessionDate(date: string, locale: Locale): string {
  let format = longFormats.get(locale);
  if (!format)
    longFormats.set(
      locale,
      (format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: "short", year: "numeric", month: "short", day: "numeric" })),
    );
  return format.format(new Date(`${date}T00:00:00Z`));
}
