import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { resetCalendarFeedAction } from "@/app/(portal)/account/calendar-actions";
import { CalendarFeedBox } from "@/components/calendar/calendar-feed-box";
import { describeChanges } from "@/components/roster/application-status";
import { StandingBadge } from "@/components/roster/standing-badge";
import { Card, PageTitle } from "@/components/ui/card";
import { serviceModes } from "@/lib/enums";
import { requireActor } from "@/lib/auth/current";
import { allows, can } from "@/lib/authz";
import { getMyCalendarFeed } from "@/lib/calendar/feeds";
import { formatDate } from "@/lib/i18n/format";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { listOwnApplications } from "@/lib/roster/queries/applications";
import { getExpertProfileFor, type PrivateProfile } from "@/lib/roster/queries/experts";
import { referenceNames } from "@/lib/roster/reference-names";
import { ConflictsPanel } from "./conflicts-panel";
import { ProfileForm } from "./profile-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("roster.me.title") };
}

/** The expert's own profile, availability, notification preference and declared conflicts. */
async function OwnProfilePage() {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getT()]);
  if (!can(actor.role, "expert.updateOwnProfile") || !actor.expertId) notFound();
  const [profile, applications, names, feed] = await Promise.all([
    getExpertProfileFor(actor, actor.expertId) as Promise<PrivateProfile>,
    listOwnApplications(actor),
    referenceNames(locale),
    allows(actor, "calendar.feed") ? getMyCalendarFeed(actor) : null,
  ]);
  const pendingChange = applications.find((a) => a.status === "pending" && a.kind === "change");
  return (
    <div className="space-y-6">
      <PageTitle subtitle={t("roster.me.intro")}>{t("roster.me.title")}</PageTitle>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <StandingBadge standing={profile.standing} t={t} />
        {profile.appointedUntil ? (
          <span className="text-slate-700">{t("roster.me.term", { date: formatDate(profile.appointedUntil, locale) })}</span>
        ) : null}
      </div>
      {pendingChange ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("roster.me.pendingChange", { changes: describeChanges(pendingChange.changes, t) })}
        </p>
      ) : null}
      <Card>
        <ProfileForm
          profile={{
            name: profile.name,
            licenseNumber: profile.licenseNumber,
            title: profile.title,
            organization: profile.organization,
            phone: profile.phone ?? "",
            homeRegionCode: profile.homeRegionCode,
            yearsOfPractice: profile.yearsOfPractice,
            bio: profile.bio,
            specialties: profile.specialties,
            regions: profile.regions,
            languages: profile.languages,
            serviceModes: profile.serviceModes,
            capacity: profile.capacity,
            pausedUntil: profile.pausedUntil ?? "",
            notifyByEmail: profile.notifyByEmail,
          }}
          specialties={names.specialties}
          regions={names.regions}
          serviceModes={serviceModes}
        />
      </Card>
      <Card title={t("roster.me.conflicts")}>
        <ConflictsPanel
          conflicts={profile.conflicts.map((c) => ({ id: c.id, companyName: c.companyName, creditCode: c.creditCode, note: c.note }))}
        />
      </Card>
      {feed ? <CalendarFeedBox url={feed.url} owner="expert" resetAction={resetCalendarFeedAction} /> : null}
    </div>
  );
}

export default withClientMessages(["calendar", "enums", "errors", "roster"], OwnProfilePage);
