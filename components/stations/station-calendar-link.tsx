import { siteUrl } from "@/lib/env";
import type { Locale } from "@/lib/i18n/catalog";
import type { Translate } from "@/lib/i18n/translate";

/** The station's public feed of coming duty sessions, in the reader's language. */
export const stationFeedPath = (stationId: string, locale: Locale) => `/api/v1/stations/${stationId}/calendar.ics?lang=${locale}`;

/**
 * "Subscribe to duty days": the station's public calendar (coming sessions, expert, period, free
 * slots) as a webcal: link, which a phone or a Mac offers to subscribe to. Server component.
 */
export function StationCalendarLink({
  stationId,
  t,
  locale,
  withHint = false,
}: {
  stationId: string;
  t: Translate;
  locale: Locale;
  withHint?: boolean;
}) {
  const href = `${siteUrl().replace(/^https?:/, "webcal:")}${stationFeedPath(stationId, locale)}`;
  return (
    <div className="text-sm">
      <a href={href} className="inline-flex min-h-10 items-center gap-1.5 font-medium text-brand-700 underline-offset-2 hover:underline">
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          <path d="M6 2a1 1 0 0 1 1 1v1h6V3a1 1 0 1 1 2 0v1h1a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h1V3a1 1 0 0 1 1-1Zm10 7H4v7h12V9Z" />
        </svg>
        {t("calendar.station.subscribe")}
      </a>
      {withHint ? <p className="text-xs text-slate-500">{t("calendar.station.hint")}</p> : null}
    </div>
  );
}
