import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RotaPage } from "@/components/duty/rota-page";
import { EmptyState, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { allows } from "@/lib/authz";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { cancelDutyAction, planDutyAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("rota.rota.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Station staff: their own station's duty rota (admins plan from the station's page under /admin/stations). */
async function StationRotaPage({ searchParams }: Props) {
  const [actor, { t, locale }, query] = await Promise.all([requireActor(), getT(), searchParams]);
  if (actor.role !== "station" || !allows(actor, "duty.plan")) notFound();
  if (!actor.stationId) {
    return (
      <div>
        <PageTitle>{t("rota.rota.title")}</PageTitle>
        <EmptyState>{t("rota.rota.noStation")}</EmptyState>
      </div>
    );
  }
  return (
    <RotaPage
      actor={actor}
      stationId={actor.stationId}
      basePath="/rota"
      query={query}
      actions={{ plan: planDutyAction, cancel: cancelDutyAction }}
      t={t}
      locale={locale}
    />
  );
}

export default withClientMessages(["errors", "rota"], StationRotaPage);
