import Link from "next/link";
import { Badge } from "@/components/ui/card";
import type { Locale } from "@/lib/i18n/catalog";
import type { Translate } from "@/lib/i18n/translate";
import { formatDecimal } from "@/lib/i18n/format";
import { joinList } from "@/lib/roster/list-format";
import type { DirectoryItem } from "@/lib/roster/queries/experts";
import type { ReferenceNames } from "@/lib/roster/reference-names";
import { InitialsAvatar } from "./initials-avatar";

/** One expert in the public directory: who, what they do, where, and their track record. */
export function ExpertCard({ expert, names, t, locale }: { expert: DirectoryItem; names: ReferenceNames; t: Translate; locale: Locale }) {
  const regions = expert.regions.map(names.regionName);
  return (
    <li className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex gap-3">
        <InitialsAvatar name={expert.name} />
        <div className="min-w-0">
          <h2 className="text-lg font-semibold">
            <Link href={`/experts/${expert.id}`} className="text-brand-800 hover:underline">
              {expert.name}
            </Link>
          </h2>
          <p className="text-sm text-slate-600">
            {expert.title}
            {expert.title && expert.organization ? " · " : ""}
            {expert.organization}
          </p>
        </div>
      </div>
      <ul className="mt-3 flex flex-wrap gap-1" aria-label={t("roster.profile.specialties")}>
        {expert.specialties.map((code) => (
          <li key={code}>
            <Badge tone="info">{names.specialtyName(code)}</Badge>
          </li>
        ))}
      </ul>
      {regions.length ? (
        <p className="mt-2 text-sm text-slate-600">
          <span className="sr-only">{t("roster.profile.regions")}: </span>
          {joinList(regions.slice(0, 4), locale)}
          {regions.length > 4 ? "…" : ""}
        </p>
      ) : null}
      <p className="mt-3 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-700">
        <span>{t("roster.directory.years", { years: expert.yearsOfPractice })}</span>
        <span>{t("roster.directory.casesResolved", { count: expert.casesResolved })}</span>
        <span>
          {expert.rating !== null
            ? t("roster.directory.rating", { rating: formatDecimal(expert.rating, locale, 2) })
            : t("roster.directory.noRating")}
        </span>
      </p>
      <div className="mt-auto pt-3">
        <Link
          href={`/experts/${expert.id}`}
          className="text-sm font-medium text-brand-700 underline"
          aria-label={`${t("roster.directory.view")}: ${expert.name}`}
        >
          {t("roster.directory.view")}
        </Link>
      </div>
    </li>
  );
}
