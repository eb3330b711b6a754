import type { Translate } from "@/lib/i18n/translate";

/** A phone number as a tel: link dials it: digits and a leading + only. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

/** How to reach a station: address, phone (a tel: link while it is open) and opening hours. */
export function StationContact({
  station,
  t,
}: {
  station: { address: string | null; phone: string | null; hours: string | null; closed: boolean };
  t: Translate;
}) {
  const row = "grid grid-cols-[4.5rem_1fr] gap-2 sm:grid-cols-[5.5rem_1fr]";
  return (
    <dl className="space-y-1.5 text-sm">
      <div className={row}>
        <dt className="text-slate-500">{t("stations.directory.address")}</dt>
        <dd className="break-words text-slate-800">{station.address ?? "—"}</dd>
      </div>
      <div className={row}>
        <dt className="text-slate-500">{t("stations.directory.phone")}</dt>
        <dd>
          {station.phone && !station.closed ? (
            <a
              href={telHref(station.phone)}
              className="font-medium text-brand-700 tabular-nums underline-offset-2 hover:underline"
              aria-label={t("stations.directory.call", { phone: station.phone })}
            >
              {station.phone}
            </a>
          ) : (
            <span className="text-slate-800 tabular-nums">{station.phone ?? t("stations.directory.noPhone")}</span>
          )}
        </dd>
      </div>
      <div className={row}>
        <dt className="text-slate-500">{t("stations.directory.hours")}</dt>
        <dd className="break-words text-slate-800">{station.hours ?? t("stations.directory.hoursUnknown")}</dd>
      </div>
    </dl>
  );
}
