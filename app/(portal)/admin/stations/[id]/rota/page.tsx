import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cancelDutyAction, planDutyAction } from "@/app/(portal)/rota/actions";
import { RotaPage } from "@/components/duty/rota-page";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("rota.rota.title") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Admins: a station's duty rota, planned by the admins of its district (others read it). */
async function AdminStationRotaPage({ params, searchParams }: Props) {
  const [actor, { t, locale }, { id }, query] = await Promise.all([requireActor(), getT(), params, searchParams]);
  if (!can(actor.role, "station.manage")) notFound();
  return (
    <RotaPage
      actor={actor}
      stationId={id}
      basePath={`/admin/stations/${id}/rota`}
      query={query}
      back={{ href: `/admin/stations/${id}`, label: t("rota.rota.back") }}
      actions={{ plan: planDutyAction, cancel: cancelDutyAction }}
      t={t}
      locale={locale}
    />
  );
}

export default withClientMessages(["errors", "rota"], AdminStationRotaPage);
