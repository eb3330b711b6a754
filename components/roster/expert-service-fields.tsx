"use client";

import { CheckboxGroup } from "@/components/roster/checkbox-group";
import { RegionPicker } from "@/components/roster/region-picker";
import type { ServiceMode } from "@/lib/enums";
import { useT } from "@/lib/i18n/client";
import { languageCodes } from "@/lib/roster/languages";
import type { RegionOption } from "@/lib/regions/options";
import { ZONE_COUNTIES } from "@/lib/regions/zone";

/** What an expert offers (specialties, regions served, languages, service modes): the same fields in the application and the profile. */
export function ExpertServiceFields({
  specialties,
  regions,
  serviceModes,
  defaults,
  error,
}: {
  specialties: { code: string; name: string }[];
  regions: RegionOption[];
  serviceModes: readonly ServiceMode[];
  defaults: { specialties?: string[]; regions?: string[]; languages?: string[]; serviceModes?: string[] };
  error: (name: string) => string | undefined;
}) {
  const { t } = useT();
  return (
    <>
      <CheckboxGroup
        name="specialties"
        legend={t("roster.fields.specialties")}
        options={specialties.map((s) => ({ value: s.code, label: s.name }))}
        defaultValues={defaults.specialties}
        error={error("specialties")}
        columns={3}
      />
      <RegionPicker
        name="regions"
        label={t("roster.fields.regions")}
        regions={regions}
        quickPicks={ZONE_COUNTIES}
        defaultValues={defaults.regions}
        hint={t("roster.apply.regionsHint")}
        error={error("regions")}
      />
      <CheckboxGroup
        name="languages"
        legend={t("roster.fields.languages")}
        options={languageCodes.map((c) => ({ value: c, label: t(`enums.language.${c}`) }))}
        defaultValues={defaults.languages}
        error={error("languages")}
        columns={3}
      />
      <CheckboxGroup
        name="serviceModes"
        legend={t("roster.fields.serviceModes")}
        options={serviceModes.map((m) => ({ value: m, label: t(`enums.serviceMode.${m}`) }))}
        defaultValues={defaults.serviceModes}
        error={error("serviceModes")}
        columns={3}
      />
    </>
  );
}
