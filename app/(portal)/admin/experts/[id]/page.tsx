import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Fact, PracticeAreaFacts } from "@/components/roster/admin-profile-facts";
import { ApplicationStatusBadge } from "@/components/roster/application-status";
import { AuditTrail } from "@/components/roster/audit-trail";
import { StandingBadge } from "@/components/roster/standing-badge";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { allows, can, coversRegion } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime, formatDecimal } from "@/lib/i18n/format";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { hasMessage } from "@/lib/i18n/translate";
import { districtOf } from "@/lib/roster/district";
import { getExpertHistory } from "@/lib/roster/queries/admin-roster";
import { getExpertProfileFor, type PrivateProfile } from "@/lib/roster/queries/experts";
import { referenceNames } from "@/lib/roster/reference-names";
import { renewalAppraisals } from "@/lib/appraisals/renewal";
import { ExpertActions } from "./expert-actions";
import { InviteButton } from "./invite-button";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("roster.admin.roster.title") };
}

async function loadProfile(actor: Awaited<ReturnType<typeof requireActor>>, id: string) {
  try {
    return (await getExpertProfileFor(actor, id)) as PrivateProfile;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/**
 * One expert for the law society: everything on record, the audit trail and the roster decisions.
 * Every admin reads it; the decisions are offered to the admins of the expert's district only.
 */
async function AdminExpertPage({ params }: { params: Promise<{ id: string }> }) {
  const [actor, { t, locale }, { id }] = await Promise.all([requireActor(), getT(), params]);
  if (!can(actor.role, "expert.readAny")) notFound();
  const [profile, history, names] = await Promise.all([loadProfile(actor, id), getExpertHistory(actor, id), referenceNames(locale)]);
  const district = names.regionName(districtOf(profile.homeRegionCode));
  const appraisals = allows(actor, "appraisal.read") ? await renewalAppraisals(actor, profile.id, profile.termStart ?? null) : [];
  // The roster decisions are the district's (lib/authz.ts outsideDistrict): another district's admin is told whose they are.
  const ownDistrict = coversRegion(actor, profile.homeRegionCode);
  const kindLabel = (kind: string) => {
    const key = `roster.appointmentKinds.${kind}`;
    return hasMessage(locale, key) ? t(key) : kind;
  };
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/experts" className="text-sm text-brand-700 underline">
          ← {t("roster.admin.expert.back")}
        </Link>
      </p>
      <PageTitle subtitle={[profile.title, profile.organization].filter(Boolean).join(" · ")}>
        <span className="mr-3">{profile.name}</span>
        <StandingBadge standing={profile.standing} t={t} />
      </PageTitle>

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <Card
            title={t("roster.admin.expert.profile")}
            action={
              profile.appointedUntil ? (
                <Link href={`/experts/${profile.id}`} className="text-sm text-brand-700 underline">
                  {t("roster.admin.expert.publicProfile")}
                </Link>
              ) : undefined
            }
          >
            <dl className="divide-y divide-slate-100">
              <Fact label={t("roster.fields.licenseNumber")}>
                <span className="font-mono">{profile.licenseNumber}</span>
              </Fact>
              <Fact label={t("roster.fields.district")}>{district}</Fact>
              <Fact label={t("roster.fields.email")}>{profile.email}</Fact>
              <Fact label={t("roster.fields.phone")}>{profile.phone ?? "—"}</Fact>
              <Fact label={t("roster.admin.expert.term")}>
                {profile.termStart && profile.termEnd
                  ? t("roster.profile.termValue", { start: formatDate(profile.termStart, locale), end: formatDate(profile.termEnd, locale) })
                  : t("roster.admin.expert.noTerm")}
              </Fact>
              <Fact label={t("roster.admin.roster.columns.load")}>
                {t("roster.admin.expert.load", { active: profile.activeCases, capacity: profile.capacity })}
                {profile.pausedUntil && profile.standing === "paused" ? (
                  <span className="block text-sm text-amber-800">
                    {t("roster.admin.expert.pausedUntil", { date: formatDate(profile.pausedUntil, locale) })}
                  </span>
                ) : null}
              </Fact>
              <Fact label={t("roster.fields.yearsOfPractice")}>{t("roster.profile.yearsValue", { years: profile.yearsOfPractice })}</Fact>
              <PracticeAreaFacts profile={profile} names={names} t={t} locale={locale} />
              <Fact label={t("roster.profile.record")}>
                {t("roster.directory.casesResolved", { count: profile.casesResolved })} ·{" "}
                {profile.rating !== null
                  ? t("roster.profile.ratingValue", { rating: formatDecimal(profile.rating, locale, 2), count: profile.ratingCount })
                  : t("roster.profile.noRating")}
              </Fact>
            </dl>
          </Card>
          <Card title={t("roster.admin.expert.conflicts")}>
            {profile.conflicts.length ? (
              <ul className="space-y-1 text-sm">
                {profile.conflicts.map((c) => (
                  <li key={c.id}>
                    <span className="font-medium">{c.companyName}</span>
                    {c.creditCode ? <span className="ml-2 font-mono text-slate-600">{c.creditCode}</span> : null}
                    {c.note ? <span className="ml-2 text-slate-600">{c.note}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">{t("roster.admin.expert.noConflicts")}</p>
            )}
          </Card>
          <Card title={t("roster.admin.expert.audit")}>
            {history.events.length ? (
              <AuditTrail events={history.events} t={t} locale={locale} />
            ) : (
              <EmptyState>{t("roster.admin.expert.noAudit")}</EmptyState>
            )}
          </Card>
        </div>

        {/* On a phone the decisions come first: that is what the admin opened the page for. */}
        <div className="order-first space-y-6 self-start lg:order-none">
          <Card title={t("roster.admin.expert.actions")}>
            {ownDistrict ? (
              <ExpertActions
                expertId={profile.id}
                name={profile.name}
                status={profile.status}
                appraisals={appraisals.map((a) => ({ year: a.year, grade: a.grade, comment: a.comment }))}
              />
            ) : (
              <p className="text-sm text-slate-700" data-testid="other-district">
                {t("roster.admin.expert.otherDistrict", { district })}
              </p>
            )}
          </Card>
          {allows(actor, "expert.invite") && ownDistrict ? (
            <Card title={t("auth.invite.title")}>
              <InviteButton expertId={profile.id} name={profile.name} email={profile.email} />
            </Card>
          ) : null}
          {history.applications.length ? (
            <Card title={t("roster.admin.applications.title")}>
              <ul className="space-y-2 text-sm">
                {history.applications.map((a) => (
                  <li key={a.id} className="flex items-center justify-between gap-2">
                    <Link href={`/admin/applications/${a.id}`} className="text-brand-700 underline">
                      {formatDateTime(a.submittedAt, locale)}
                    </Link>
                    <ApplicationStatusBadge status={a.status} t={t} />
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <Card title={t("roster.admin.expert.history")}>
            {history.appointments.length ? (
              <ul className="space-y-3 text-sm">
                {history.appointments.map((a) => (
                  <li key={a.id}>
                    <p className="font-medium">
                      {kindLabel(a.kind)} ·{" "}
                      {t("roster.profile.termValue", { start: formatDate(a.termStart, locale), end: formatDate(a.termEnd, locale) })}
                    </p>
                    <p className="text-slate-600">
                      {t("roster.admin.expert.byOn", {
                        name: a.decidedByName ?? t("roster.admin.expert.system"),
                        date: formatDateTime(a.createdAt, locale),
                      })}
                    </p>
                    {a.reason ? <p className="text-slate-700">{a.reason}</p> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">{t("roster.admin.expert.noHistory")}</p>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}

export default withClientMessages(["auth", "errors", "roster", "appraisals"], AdminExpertPage);
