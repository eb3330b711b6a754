import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StationContact } from "@/components/stations/station-contact";
import { LinkButton } from "@/components/ui/button";
import { Badge, Card, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/i18n/format";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { getStationForAdmin } from "@/lib/stations/list-stations";
import { stationRegionChoices } from "@/lib/stations/region-choices";
import { StationForm } from "../station-form";
import { StationStatusForm } from "../station-status-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("stations.admin.editTitle") };
}

async function loadStation(actor: Awaited<ReturnType<typeof requireActor>>, id: string) {
  try {
    return await getStationForAdmin(actor, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/** One station: its details changed, or it closed or reopened, by the admins of its district; others only read it. */
async function AdminStationPage({ params }: { params: Promise<{ id: string }> }) {
  const [actor, { t, locale }, { id }] = await Promise.all([requireActor(), getT(), params]);
  if (!can(actor.role, "station.manage")) notFound();
  const [station, regionGroups] = await Promise.all([loadStation(actor, id), stationRegionChoices(actor, locale)]);

  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/stations" className="text-sm text-brand-700 underline">
          ← {t("stations.admin.back")}
        </Link>
      </p>
      <PageTitle>
        <span className="mr-3">{station.name}</span>
        {station.closed && station.closedAt ? (
          <Badge>{t("stations.admin.closedOn", { date: formatDate(station.closedAt, locale) })}</Badge>
        ) : (
          <Badge tone="success">{t("stations.admin.open")}</Badge>
        )}
      </PageTitle>
      <p>
        <LinkButton href={`/admin/stations/${station.id}/rota`} variant="secondary">
          {t("rota.rota.title")} →
        </LinkButton>
      </p>
      {station.canManage ? (
        <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
          <Card title={t("stations.admin.editTitle")}>
            <StationForm regionGroups={regionGroups} station={station} />
          </Card>
          <Card title={t(station.closed ? "stations.admin.reopenTitle" : "stations.admin.closeTitle")}>
            <StationStatusForm stationId={station.id} name={station.name} closed={station.closed} />
          </Card>
        </div>
      ) : (
        <Card>
          <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("stations.admin.otherDistrict")}</p>
          <StationContact station={station} t={t} />
        </Card>
      )}
    </div>
  );
}

export default withClientMessages(["errors", "stations"], AdminStationPage);
