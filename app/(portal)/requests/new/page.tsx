import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RequestWizard } from "@/components/requests/wizard/request-wizard";
import { LinkButton } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import { formatDate } from "@/lib/i18n/format";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { listSpecialties } from "@/lib/reference-data/queries";
import { ACCEPT_ATTRIBUTE } from "@/lib/requests/attachment-type";
import { zoneRegionGroups } from "@/lib/regions/zone-groups";
import { getPublicProfile } from "@/lib/roster/queries/experts";
import { getStation } from "@/lib/stations/list-stations";
import { fileRequestAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("requests.new.title") };
}

type Props = { searchParams: Promise<{ expert?: string | string[] }> };

/** Filing a request: a company for itself, a station for a walk-in, an admin for a hotline caller; from an expert's profile with that expert preferred. */
async function NewRequestPage({ searchParams }: Props) {
  const [actor, { t, locale }, { expert }] = await Promise.all([requireActor(), getT(), searchParams]);
  if (!can(actor.role, "request.create")) notFound();
  const station = actor.stationId ? await getStation(actor.stationId) : null;
  if (station?.closed) {
    // A closed station takes no new filings (fileRequest answers 409): say so before any form.
    return (
      <div className="mx-auto max-w-3xl">
        <PageTitle>{t("requests.new.title")}</PageTitle>
        <Card title={t("stations.newRequestClosed.title")}>
          <p role="status" className="text-slate-700">
            {t("stations.newRequestClosed.body", { name: station.name, date: formatDate(station.closedAt!, locale) })}
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            <LinkButton href="/requests">{t("stations.newRequestClosed.myRequests")}</LinkButton>
            <LinkButton href="/stations" variant="secondary">
              {t("stations.newRequestClosed.directory")}
            </LinkButton>
          </div>
        </Card>
      </div>
    );
  }
  const expertId = typeof expert === "string" ? expert : undefined;
  const [specialties, regionGroups, preferred] = await Promise.all([
    listSpecialties(),
    zoneRegionGroups(locale),
    expertId ? getPublicProfile(expertId) : null,
  ]);
  // A station files for a walk-in; an account of no company (an admin) for a hotline caller.
  const caller = actor.stationId !== null ? "walkIn" : actor.enterpriseId === null ? "hotline" : null;
  const subtitle = { walkIn: t("requests.new.subtitleStation"), hotline: t("requests.new.subtitleHotline") };
  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle subtitle={caller ? subtitle[caller] : t("requests.new.subtitle")}>{t("requests.new.title")}</PageTitle>
      <Card>
        <RequestWizard
          mode="new"
          caller={caller}
          draftKey={`request-draft:${actor.userId}`}
          accept={ACCEPT_ATTRIBUTE}
          action={fileRequestAction}
          options={{
            specialties: specialties.map((s) => ({ code: s.code, name: locale === "en" ? s.nameEn : s.nameZh })),
            regionGroups,
            preferredExpert: preferred ? { id: preferred.id, name: preferred.name } : null,
          }}
        />
      </Card>
    </div>
  );
}

export default withClientMessages(["enums", "errors", "referrals", "requests"], NewRequestPage);
