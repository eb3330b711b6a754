import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StationContact } from "@/components/stations/station-contact";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { can, isUnscopedAdmin } from "@/lib/authz";
import { formatDate } from "@/lib/i18n/format";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { countyOf } from "@/lib/regions/codes";
import { zoneRegionGroups } from "@/lib/regions/zone-groups";
import { listStationsForAdmin } from "@/lib/stations/list-stations";
import { stationRegionChoices } from "@/lib/stations/region-choices";
import { StationForm } from "./station-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("stations.admin.title") };
}

/** Every station of the zone by district; a new one for the admin's district; each opens to be changed where the admin may. */
async function AdminStationsPage() {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getT()]);
  if (!can(actor.role, "station.manage")) notFound();
  const [stations, regionGroups, districts] = await Promise.all([
    listStationsForAdmin(actor),
    stationRegionChoices(actor, locale),
    zoneRegionGroups(locale),
  ]);
  const districtName = new Map(districts.map((d) => [d.code, d.name] as const));
  const townName = new Map(districts.flatMap((d) => d.towns.map((town) => [town.code, town.name] as const)));
  const placeOf = (code: string) => [districtName.get(countyOf(code)) ?? countyOf(code), townName.get(code)].filter(Boolean).join(" · ");

  return (
    <div className="space-y-6">
      <PageTitle subtitle={t("stations.admin.intro")}>{t("stations.admin.title")}</PageTitle>
      {isUnscopedAdmin(actor) ? null : (
        <p className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          {t("stations.admin.scopeNote", { district: placeOf(actor.regionScope ?? "") })}
        </p>
      )}
      <Card title={t("stations.admin.create")}>
        <StationForm regionGroups={regionGroups} />
      </Card>
      <Card
        title={t("stations.admin.list")}
        action={
          <Link href="/stations" className="text-sm text-brand-700 underline">
            {t("stations.admin.publicPage")}
          </Link>
        }
      >
        {stations.length === 0 ? (
          <EmptyState>{t("stations.admin.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {stations.map((station) => (
              <li key={station.id} className="grid gap-3 py-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)_auto] md:items-start">
                <div className="min-w-0 space-y-1">
                  <p className="font-medium text-slate-900">{station.name}</p>
                  <p className="text-sm text-slate-600">{placeOf(station.regionCode)}</p>
                  {station.closed && station.closedAt ? (
                    <Badge>{t("stations.admin.closedOn", { date: formatDate(station.closedAt, locale) })}</Badge>
                  ) : (
                    <Badge tone="success">{t("stations.admin.open")}</Badge>
                  )}
                </div>
                <StationContact station={station} t={t} />
                <Link
                  href={`/admin/stations/${station.id}`}
                  className="justify-self-start rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-800 hover:bg-slate-100 md:justify-self-end"
                >
                  {station.canManage ? t("stations.admin.edit") : t("stations.admin.view")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

export default withClientMessages(["errors", "stations"], AdminStationsPage);
