import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { InitialsAvatar } from "@/components/roster/initials-avatar";
import { LinkButton } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { getActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import { formatDate, formatDecimal } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { joinList } from "@/lib/roster/list-format";
import { getPublicProfile } from "@/lib/roster/queries/experts";
import { referenceNames } from "@/lib/roster/reference-names";

export const dynamic = "force-dynamic";

// Metadata and the page read the same profile once per request.
const loadProfile = cache((id: string) => getPublicProfile(id));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [{ id }, { t, locale }] = await Promise.all([params, getT()]);
  const profile = await loadProfile(id);
  if (!profile) return { title: t("common.notFound.title"), robots: { index: false } };
  const names = await referenceNames(locale);
  return {
    title: `${profile.name} · ${profile.organization}`,
    description: t("roster.profile.metaDescription", {
      name: profile.name,
      title: profile.title,
      organization: profile.organization,
      specialties: joinList(profile.specialties.map(names.specialtyName), locale),
    }),
    alternates: { canonical: `/experts/${profile.id}` },
  };
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="py-3 sm:grid sm:grid-cols-[9rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-slate-900 sm:mt-0">{children}</dd>
    </div>
  );
}

/** A public profile: public fields and aggregates only (never licence, phone, references or conflicts). */
export default async function ExpertProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, { t, locale }, actor] = await Promise.all([params, getT(), getActor()]);
  const profile = await loadProfile(id);
  if (!profile) notFound();
  const names = await referenceNames(locale);
  const list = (items: string[]) => joinList(items, locale);
  return (
    <div className="space-y-6">
      <p>
        <Link href="/experts" className="text-sm text-brand-700 underline">
          ← {t("roster.profile.back")}
        </Link>
      </p>
      <section className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-center sm:p-6">
        <InitialsAvatar name={profile.name} size="lg" />
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-bold sm:text-3xl">{profile.name}</h1>
          <p className="mt-1 text-slate-700">
            {profile.title}
            {profile.title && profile.organization ? " · " : ""}
            {profile.organization}
          </p>
          <ul className="mt-3 flex flex-wrap gap-1" aria-label={t("roster.profile.specialties")}>
            {profile.specialties.map((code) => (
              <li key={code}>
                <Badge tone="info">{names.specialtyName(code)}</Badge>
              </li>
            ))}
          </ul>
        </div>
        <div className="flex flex-col gap-2 sm:items-end">
          <LinkButton href={`/requests/new?expert=${profile.id}`}>{t("roster.profile.ask")}</LinkButton>
          {actor && can(actor.role, "expert.readAny") ? (
            <Link href={`/admin/experts/${profile.id}`} className="text-sm text-brand-700 underline">
              {t("roster.profile.manage")}
            </Link>
          ) : null}
        </div>
      </section>
      <p className="text-sm text-slate-600">{t("roster.profile.askHint")}</p>

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card>
          <dl className="divide-y divide-slate-100">
            <Fact label={t("roster.profile.regions")}>{list(profile.regions.map(names.regionName))}</Fact>
            <Fact label={t("roster.profile.homeRegion")}>{names.regionName(profile.homeRegionCode)}</Fact>
            <Fact label={t("roster.profile.languages")}>{list(profile.languages.map((c) => t(`enums.language.${c as "zh"}`)))}</Fact>
            <Fact label={t("roster.profile.modes")}>{list(profile.serviceModes.map((m) => t(`enums.serviceMode.${m}`)))}</Fact>
            <Fact label={t("roster.profile.years")}>{t("roster.profile.yearsValue", { years: profile.yearsOfPractice })}</Fact>
            <Fact label={t("roster.profile.term")}>
              {t("roster.profile.termValue", { start: formatDate(profile.termStart!, locale), end: formatDate(profile.termEnd!, locale) })}
            </Fact>
          </dl>
          <h2 className="mt-6 text-lg font-semibold">{t("roster.profile.bio")}</h2>
          <p className="mt-2 whitespace-pre-line text-slate-700">{profile.bio || t("roster.profile.noBio")}</p>
        </Card>
        <Card title={t("roster.profile.record")} className="self-start">
          <dl className="grid grid-cols-2 gap-4 lg:grid-cols-1">
            <div>
              <dt className="text-sm text-slate-600">{t("roster.profile.casesResolved")}</dt>
              <dd className="text-2xl font-bold text-brand-800" data-testid="cases-resolved">
                {profile.casesResolved}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("roster.profile.rating")}</dt>
              <dd className="text-lg font-semibold text-brand-800">
                {profile.rating !== null
                  ? t("roster.profile.ratingValue", { rating: formatDecimal(profile.rating, locale, 2), count: profile.ratingCount })
                  : t("roster.profile.noRating")}
              </dd>
            </div>
          </dl>
        </Card>
      </div>
    </div>
  );
}
