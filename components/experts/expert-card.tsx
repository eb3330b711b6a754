import Link from "next/link";
import type { Locale } from "@/lib/i18n/catalog";
import type { Translate } from "@/lib/i18n/translate";
import { formatDecimal } from "@/lib/i18n/format";
import { joinList } from "@/lib/roster/list-format";
import type { DirectoryItem } from "@/lib/roster/queries/experts";
import type { ReferenceNames } from "@/lib/roster/reference-names";
import { initialsOf } from "@/components/roster/initials-avatar";
import styles from "./expert-card.module.css";

type CardProps = { names: ReferenceNames; t: Translate; locale: Locale };

/** The directory's cards, in a list whose class name styles them all (expert-card.module.css). */
export function ExpertCards({ experts, ...props }: { experts: DirectoryItem[] } & CardProps) {
  return (
    <ul className={styles.cards}>
      {/* Positions as keys: the cards hold no state, and an id would be one more copy of it per card. */}
      {experts.map((expert, i) => (
        <ExpertCard key={i} expert={expert} {...props} />
      ))}
    </ul>
  );
}

/**
 * One expert in the public directory: who, what they do, where, and their track record. A server
 * component without wrapper elements or class names: the list's styles place and style the children
 * by position, since the page sends every element twice.
 */
function ExpertCard({ expert, names, t, locale }: { expert: DirectoryItem } & CardProps) {
  const regions = expert.regions.map(names.regionName);
  const href = `/experts/${expert.id}`;
  return (
    <li>
      <span aria-hidden>{initialsOf(expert.name)}</span>
      <h2>
        <Link href={href}>{expert.name}</Link>
      </h2>
      <p>{[expert.title, expert.organization].filter(Boolean).join(" · ")}</p>
      <ul aria-label={t("roster.profile.specialties")}>
        {expert.specialties.map((code, i) => (
          <li key={i}>{names.specialtyName(code)}</li>
        ))}
      </ul>
      {regions.length ? (
        <p>
          <span className="sr-only">{`${t("roster.profile.regions")}: `}</span>
          {joinList(regions.slice(0, 4), locale) + (regions.length > 4 ? "…" : "")}
        </p>
      ) : null}
      <p>
        <span>{t("roster.directory.years", { years: expert.yearsOfPractice })}</span>
        <span>{t("roster.directory.casesResolved", { count: expert.casesResolved })}</span>
        <span>
          {expert.rating !== null
            ? t("roster.directory.rating", { rating: formatDecimal(expert.rating, locale, 2) })
            : t("roster.directory.noRating")}
        </span>
      </p>
      <Link href={href} aria-label={`${t("roster.directory.view")}: ${expert.name}`}>
        {t("roster.directory.view")}
      </Link>
    </li>
  );
}
