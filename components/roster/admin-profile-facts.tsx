import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/catalog";
import type { Translate } from "@/lib/i18n/translate";
import { joinList } from "@/lib/roster/list-format";
import type { PrivateProfile } from "@/lib/roster/queries/experts";
import type { ReferenceNames } from "@/lib/roster/reference-names";

/** One labelled row of an admin's <dl> about an expert. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-2 sm:grid sm:grid-cols-[9rem_1fr] sm:gap-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

/** Where and how an expert works (home region, regions, specialties, languages, service modes), as <Fact> rows. */
export function PracticeAreaFacts({
  profile,
  names,
  t,
  locale,
}: {
  profile: Pick<PrivateProfile, "homeRegionCode" | "regions" | "specialties" | "languages" | "serviceModes">;
  names: ReferenceNames;
  t: Translate;
  locale: Locale;
}) {
  return (
    <>
      <Fact label={t("roster.fields.homeRegion")}>{names.regionName(profile.homeRegionCode)}</Fact>
      <Fact label={t("roster.fields.regions")}>{joinList(profile.regions.map(names.regionName), locale)}</Fact>
      <Fact label={t("roster.fields.specialties")}>{joinList(profile.specialties.map(names.specialtyName), locale)}</Fact>
      <Fact label={t("roster.fields.languages")}>
        {joinList(
          profile.languages.map((c) => t(`enums.language.${c as "zh"}`)),
          locale,
        )}
      </Fact>
      <Fact label={t("roster.fields.serviceModes")}>
        {joinList(
          profile.serviceModes.map((m) => t(`enums.serviceMode.${m}`)),
          locale,
        )}
      </Fact>
    </>
  );
}
