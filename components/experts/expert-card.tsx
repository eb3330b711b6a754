import Link from "next/link";
import type { Locale } from "@/lib/i18n/catalog";
import type { Translate } from "@/lib/i18n/translate";
import { formatDecimal } from "@/lib/i18n/format";
import { joinList } from "@/lib/roster/list-format";
import type { DirectoryItem } from "@/lib/roster/queries/experts";
import type { ReferenceNames } from "@/lib/roster/reference-names";
import { InitialsAvatar } from "@/components/roster/initials-avatar";
import styles from "./expert-card.module.css";

/** One expert in the public directory: who, what they do, where, and their track record. */
export function ExpertCard({ expert, names, t, locale }: { expert: DirectoryItem; names: ReferenceNames; t: Translate; locale: Locale }) {
  const regions = expert.regions.map(names.regionName);
  return (
    <li className={styles.card}>
      <div className="flex gap-3">
        <InitialsAvatar name={expert.name} />
        <div className="min-w-0">
          <h2>
            <Link href={`/experts/${expert.id}`} className={styles.name}>
              {expert.name}
            </Link>
          </h2>
          <p className={styles.muted}>{[expert.title, expert.organization].filter(Boolean).join(" · ")}</p>
        </div>
      </div>
      <ul className={styles.badges} aria-label={t("roster.profile.specialties")}>
        {expert.specialties.map((code) => (
          <li key={code} className={styles.badge}>
            {names.specialtyName(code)}
          </li>
        ))}
      </ul>
      {regions.length ? (
        <p className={`mt-2 ${styles.muted}`}>
          <span className="sr-only">{t("roster.profile.regions")}: </span>
          {joinList(regions.slice(0, 4), locale) + (regions.length > 4 ? "…" : "")}
        </p>
      ) : null}
      <p className={styles.facts}>
        <span>{t("roster.directory.years", { years: expert.yearsOfPractice })}</span>
        <span>{t("roster.directory.casesResolved", { count: expert.casesResolved })}</span>
        <span>
          {expert.rating !== null
            ? t("roster.directory.rating", { rating: formatDecimal(expert.rating, locale, 2) })
            : t("roster.directory.noRating")}
        </span>
      </p>
      <Link href={`/experts/${expert.id}`} className={styles.view} aria-label={`${t("roster.directory.view")}: ${expert.name}`}>
        {t("roster.directory.view")}
      </Link>
    </li>
  );
}
