import type { Metadata } from "next";
import { OwnApplicationCard } from "@/components/roster/application-status";
import { LinkButton } from "@/components/ui/button";
import { ApplicationDocumentUpload } from "@/components/roster/application-document-upload";
import { ApplicationDocumentList } from "@/components/roster/application-documents";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { getActor } from "@/lib/auth/current";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { LICENCE_ACCEPT, listApplicationDocuments } from "@/lib/roster/application-documents";
import { listOwnApplications } from "@/lib/roster/queries/applications";
import { getOwnExpertSummary } from "@/lib/roster/queries/experts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("roster.status.title"), robots: { index: false } };
}

/** The applicant's view of their application(s) and licence evidence; signed-out visitors are asked to sign in. */
async function ApplicationStatusPage() {
  const [{ t, locale }, actor] = await Promise.all([getT(), getActor()]);
  if (!actor) {
    return (
      <div className="mx-auto max-w-2xl">
        <PageTitle>{t("roster.status.title")}</PageTitle>
        <EmptyState action={<LinkButton href="/login?callbackUrl=%2Fapply%2Fstatus">{t("common.nav.signIn")}</LinkButton>}>
          {t("roster.status.signIn")}
        </EmptyState>
      </div>
    );
  }
  const [applications, summary] = await Promise.all([listOwnApplications(actor), getOwnExpertSummary(actor)]);
  const documents = await Promise.all(applications.map((application) => listApplicationDocuments(actor, application.id)));
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageTitle>{t("roster.status.title")}</PageTitle>
      {applications.length ? (
        applications.map((application, index) => (
          <div key={application.id} className="space-y-4">
            <OwnApplicationCard application={application} termEnd={summary?.termEnd ?? null} t={t} locale={locale} />
            <Card title={t("roster.documents.title")}>
              <div className="space-y-3">
                <ApplicationDocumentList applicationId={application.id} documents={documents[index] ?? []} t={t} locale={locale} />
                {application.status === "pending" ? <ApplicationDocumentUpload applicationId={application.id} accept={LICENCE_ACCEPT} /> : null}
              </div>
            </Card>
          </div>
        ))
      ) : (
        <EmptyState action={<LinkButton href="/apply">{t("roster.status.applyNow")}</LinkButton>}>{t("roster.status.none")}</EmptyState>
      )}
      {actor.expertId ? (
        <LinkButton href="/profile" variant="secondary">
          {t("roster.status.editProfile")}
        </LinkButton>
      ) : null}
    </div>
  );
}

export default withClientMessages(["roster"], ApplicationStatusPage);
