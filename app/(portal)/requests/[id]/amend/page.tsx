import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { draftFromRequest } from "@/components/requests/wizard/draft";
import { RequestWizard } from "@/components/requests/wizard/request-wizard";
import { Card, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { listSpecialties } from "@/lib/reference-data/queries";
import { ACCEPT_ATTRIBUTE } from "@/lib/requests/attachment-type";
import { getRequestDetail } from "@/lib/requests/queries";
import { zoneRegionGroups } from "@/lib/regions/zone-groups";
import { amendRequestAction } from "../../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("requests.actions.amendTitle") };
}

type Props = { params: Promise<{ id: string }> };

/** The filer amends a returned request in the same guided form, then submits it again. */
async function AmendRequestPage({ params }: Props) {
  const [actor, { t, locale }, { id }] = await Promise.all([requireActor(), getT(), params]);
  if (!can(actor.role, "request.amend")) notFound();
  const request = await getRequestDetail(actor, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  if (request.status !== "returned") redirect(`/requests/${id}`);
  const [specialties, regionGroups] = await Promise.all([listSpecialties(), zoneRegionGroups(locale)]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle subtitle={request.title}>{t("requests.actions.amendTitle")}</PageTitle>
      {request.statusReason ? (
        <div className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-medium">{t("requests.detail.returnedBanner")}</p>
          <p className="mt-1 whitespace-pre-wrap">{request.statusReason}</p>
        </div>
      ) : null}
      <Card>
        <RequestWizard
          mode="amend"
          caller={actor.stationId !== null ? "walkIn" : null}
          draftKey={null}
          requestId={request.id}
          accept={ACCEPT_ATTRIBUTE}
          action={amendRequestAction}
          initial={draftFromRequest(request)}
          options={{
            specialties: specialties.map((s) => ({ code: s.code, name: locale === "en" ? s.nameEn : s.nameZh })),
            regionGroups,
            preferredExpert:
              request.preferredExpertId && request.preferredExpertName ? { id: request.preferredExpertId, name: request.preferredExpertName } : null,
          }}
        />
      </Card>
    </div>
  );
}

export default withClientMessages(["enums", "errors", "referrals", "requests"], AmendRequestPage);
