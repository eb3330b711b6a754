import type { Metadata } from "next";
import Link from "next/link";
import { Badge, EmptyState, PageTitle } from "@/components/ui/card";
import { StationCalendarLink } from "@/components/stations/station-calendar-link";
import { StationContact } from "@/components/stations/station-contact";
import { getT } from "@/lib/i18n/server";
import { countyOf } from "@/lib/regions/codes";
import { zoneRegionGroups } from "@/lib/regions/zone-groups";
import { listStations } from "@/lib/stations/list-stations";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("stations.directory.title") };
}

/** The public list of stations, by district of the zone, with how to reach each; closed ones marked, after the open. */
export default async function StationsPage() {
  const [{ t, locale }, stations] = await Promise.all([getT(), listStations()]);
  const districts = await zoneRegionGroups(locale);
  const townName = new Map(districts.flatMap((d) => d.towns.map((town) => [town.code, town.name] as const)));
  const inDistrict = (code: string) => stations.filter((s) => countyOf(s.regionCode) === code).sort((a, b) => Number(a.closed) - Number(b.closed));

  return (
    <div className="space-y-8">
      <PageTitle subtitle={t("stations.directory.intro")}>{t("stations.directory.title")}</PageTitle>
      {stations.length === 0 ? <EmptyState>{t("stations.directory.empty")}</EmptyState> : null}
      {stations.length > 0 && (
        <nav aria-label={t("stations.directory.title")} className="flex flex-wrap gap-2">
          {districts.map((district) => (
            <a
              key={district.code}
              href={`#district-${district.code}`}
              className="rounded-full border border-slate-300 bg-white px-3 py-1 text-sm text-slate-700 hover:bg-slate-100"
            >
              {district.name}
            </a>
          ))}
        </nav>
      )}
      {stations.length > 0 &&
        districts.map((district) => {
          const items = inDistrict(district.code);
          const open = items.filter((s) => !s.closed).length;
          return (
            <section
              key={district.code}
              id={`district-${district.code}`}
              aria-labelledby={`district-${district.code}-title`}
              className="scroll-mt-20 space-y-3"
            >
              <div className="flex flex-wrap items-baseline gap-x-3">
                <h2 id={`district-${district.code}-title`} className="text-xl font-semibold">
                  {district.name}
                </h2>
                {open > 0 ? <p className="text-sm text-slate-600">{t("stations.directory.districtCount", { count: open })}</p> : null}
              </div>
              {items.length === 0 ? (
                <p className="rounded-md border border-dashed border-slate-300 px-4 py-4 text-sm text-slate-600">
                  {t("stations.directory.districtEmpty")}
                </p>
              ) : (
                <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
                  {items.map((station) => (
                    <li
                      key={station.id}
                      className={`rounded-lg border p-4 shadow-sm ${station.closed ? "border-slate-200 bg-slate-50 text-slate-500" : "border-slate-200 bg-white"}`}
                    >
                      <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
                        <div className="min-w-0">
                          <h3 className={`font-semibold ${station.closed ? "text-slate-600" : "text-slate-900"}`}>
                            <Link href={`/stations/${station.id}`} className="underline-offset-2 hover:text-brand-700 hover:underline">
                              {station.name}
                            </Link>
                          </h3>
                          {townName.get(station.regionCode) ? <p className="text-xs text-slate-500">{townName.get(station.regionCode)}</p> : null}
                        </div>
                        {station.closed ? <Badge>{t("stations.directory.closed")}</Badge> : null}
                      </div>
                      {station.closed ? <p className="mb-2 text-sm">{t("stations.directory.closedHint")}</p> : null}
                      <StationContact station={station} t={t} />
                      {station.closed ? null : (
                        <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1">
                          <Link href={`/stations/${station.id}`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
                            {t("bookings.station.dutyDays")} →
                          </Link>
                          <StationCalendarLink stationId={station.id} t={t} locale={locale} />
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
    </div>
  );
}
