import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Fact, PracticeAreaFacts } from "@/components/roster/admin-profile-facts";
import { ApplicationDocumentList } from "@/components/roster/application-documents";
import { ApplicationStatusBadge } from "@/components/roster/application-status";
import { Card, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { can, coversRegion } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { todayInShanghai } from "@/lib/clock";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { listApplicationDocuments } from "@/lib/roster/application-documents";
import { districtOf } from "@/lib/roster/district";
import { getApplication } from "@/lib/roster/queries/applications";
import { getExpertProfileFor, type PrivateProfile } from "@/lib/roster/queries/experts";
import { referenceNames } from "@/lib/roster/reference-names";
import { termEndFor } from "@/lib/roster/term";
import { ChecklistPanel } from "./checklist-panel";
import { DecisionForm } from "./decision-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("roster.admin.applications.title") };
}

async function load(actor: Awaited<ReturnType<typeof requireActor>>, id: string) {
  try {
    const application = await getApplication(actor, id);
    const profile = (await getExpertProfileFor(actor, application.expertId)) as PrivateProfile;
    return { application, profile };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/**
 * One application: the applicant's details and references, the checklist, and the decision. Every
 * admin reads it; the checklist and the decision are the applicant's district's admins' (lib/authz.ts).
 */
async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const [actor, { t, locale }, { id }] = await Promise.all([requireActor(), getT(), params]);
  if (!can(actor.role, "application.list")) notFound();
  const [{ application, profile }, names] = await Promise.all([load(actor, id), referenceNames(locale)]);
  const { details } = application;
  const today = todayInShanghai();
  const termEnds = Object.fromEntries([1, 2, 3, 4, 5].map((years) => [years, formatDate(termEndFor(today, years), locale)]));
  const kind = t(`roster.kinds.${details.kind}`);
  const district = names.regionName(districtOf(profile.homeRegionCode));
  const ownDistrict = coversRegion(actor, profile.homeRegionCode);
  // The licence scans are for the admins who vet the application (lib/roster/application-documents.ts decides).
  const documents = ownDistrict ? await listApplicationDocuments(actor, application.id) : null;
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/applications" className="text-sm text-brand-700 underline">
          ← {t("roster.admin.applications.back")}
        </Link>
      </p>
      <PageTitle subtitle={formatDateTime(application.submittedAt, locale)}>
        <span className="mr-3">{t("roster.admin.applications.detailTitle", { name: profile.name, kind })}</span>
        <ApplicationStatusBadge status={application.status} t={t} />
      </PageTitle>

      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <div className="space-y-6">
          {details.kind === "change" ? (
            <Card title={t("roster.admin.applications.changes")}>
              <ul className="space-y-1">
                {details.changes.name ? (
                  <li>
                    {t("roster.admin.applications.changeFrom", {
                      field: t("roster.fields.name"),
                      from: details.previous.name ?? "",
                      to: details.changes.name,
                    })}
                  </li>
                ) : null}
                {details.changes.licenseNumber ? (
                  <li>
                    {t("roster.admin.applications.changeFrom", {
                      field: t("roster.fields.licenseNumber"),
                      from: details.previous.licenseNumber ?? "",
                      to: details.changes.licenseNumber,
                    })}
                  </li>
                ) : null}
              </ul>
              {details.note ? <p className="mt-2 text-sm text-slate-700">{details.note}</p> : null}
            </Card>
          ) : null}
          <Card
            title={t("roster.admin.applications.applicant")}
            action={
              <Link href={`/admin/experts/${profile.id}`} className="text-sm text-brand-700 underline">
                {t("roster.admin.applications.viewExpert")}
              </Link>
            }
          >
            <dl className="divide-y divide-slate-100">
              <Fact label={t("roster.fields.name")}>{profile.name}</Fact>
              <Fact label={t("roster.fields.licenseNumber")}>
                <span className="font-mono">{profile.licenseNumber}</span>
              </Fact>
              <Fact label={t("roster.fields.district")}>{district}</Fact>
              <Fact label={t("roster.fields.title")}>{profile.title}</Fact>
              <Fact label={t("roster.fields.organization")}>{profile.organization}</Fact>
              <Fact label={t("roster.fields.yearsOfPractice")}>{t("roster.profile.yearsValue", { years: profile.yearsOfPractice })}</Fact>
              <Fact label={t("roster.fields.email")}>{profile.email}</Fact>
              <Fact label={t("roster.fields.phone")}>{profile.phone ?? "—"}</Fact>
              <PracticeAreaFacts profile={profile} names={names} t={t} locale={locale} />
              <Fact label={t("roster.fields.bio")}>{profile.bio || "—"}</Fact>
            </dl>
          </Card>
          {details.kind === "join" ? (
            <Card>
              <h2 className="text-lg font-semibold">{t("roster.admin.applications.references")}</h2>
              <p className="mt-2 whitespace-pre-line">{details.references}</p>
              <h2 className="mt-6 text-lg font-semibold">{t("roster.admin.applications.statement")}</h2>
              <p className="mt-2 whitespace-pre-line">{details.statement}</p>
            </Card>
          ) : null}
        </div>

        <div className="space-y-6 self-start">
          <Card title={t("roster.admin.applications.checklist")}>
            <section className="mb-4 space-y-2" aria-labelledby="evidence-heading">
              <h3 id="evidence-heading" className="text-sm font-semibold text-slate-800">
                {t("roster.documents.title")}
              </h3>
              {documents ? (
                <ApplicationDocumentList applicationId={application.id} documents={documents} t={t} locale={locale} />
              ) : (
                <p className="text-sm text-slate-700">{t("roster.documents.otherDistrict", { district })}</p>
              )}
            </section>
            <ChecklistPanel
              applicationId={application.id}
              editable={application.status === "pending" && ownDistrict}
              items={application.requiredChecks.map((item) => {
                const check = application.checks.find((c) => c.item === item);
                return {
                  item,
                  label: t(`roster.checks.${item}`),
                  done: check
                    ? t("roster.admin.applications.checkedBy", { name: check.checkedByName, date: formatDateTime(check.checkedAt, locale) })
                    : null,
                  note: check?.note ?? "",
                };
              })}
            />
          </Card>
          <Card title={t("roster.admin.applications.decision")}>
            {application.status === "pending" && !ownDistrict ? (
              <p className="text-sm text-slate-700" data-testid="other-district">
                {t("roster.admin.applications.otherDistrict", { district })}
              </p>
            ) : application.status === "pending" ? (
              <DecisionForm
                applicationId={application.id}
                name={profile.name}
                isJoin={details.kind === "join"}
                checklistComplete={application.requiredChecks.every((item) => application.checks.some((c) => c.item === item))}
                termEnds={termEnds}
              />
            ) : (
              <div className="space-y-2 text-sm" data-testid="decision">
                <p>
                  {t("roster.admin.applications.decided", {
                    status: t(`enums.applicationStatus.${application.status}`),
                    name: application.decidedByName ?? "—",
                    date: application.decidedAt ? formatDateTime(application.decidedAt, locale) : "—",
                  })}
                </p>
                {application.decisionReason ? <p>{t("roster.admin.applications.decidedReason", { reason: application.decisionReason })}</p> : null}
              </div>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}

export default withClientMessages(["errors", "roster"], ApplicationPage);
