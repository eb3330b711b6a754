"use client";

import { ExpertServiceFields } from "@/components/roster/expert-service-fields";
import { fieldError } from "@/components/roster/field-errors";
import { RegionPicker } from "@/components/roster/region-picker";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClass, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { FormSection } from "@/components/ui/form-section";
import type { ServiceMode } from "@/lib/enums";
import { useT } from "@/lib/i18n/client";
import { notifyPreferences } from "@/lib/roster/languages";
import type { RegionOption } from "@/lib/regions/options";
import { ZONE_COUNTIES } from "@/lib/regions/zone";
import { updateProfileAction } from "./actions";

export interface EditableProfile {
  name: string;
  licenseNumber: string;
  title: string;
  organization: string;
  phone: string;
  homeRegionCode: string;
  yearsOfPractice: number;
  bio: string;
  specialties: string[];
  regions: string[];
  languages: string[];
  serviceModes: string[];
  capacity: number;
  pausedUntil: string;
  notifyByEmail: string;
}

export function ProfileForm({
  profile,
  specialties,
  regions,
  serviceModes,
}: {
  profile: EditableProfile;
  specialties: { code: string; name: string }[];
  regions: RegionOption[];
  serviceModes: readonly ServiceMode[];
}) {
  const { t } = useT();
  const { fields, message, pending, submitWith } = useServerAction(updateProfileAction, {
    successMessage: (data) => (data.changeRequested ? t("roster.me.changeRequested") : t("roster.me.saved")),
  });

  const error = (name: string) => fieldError(fields, name);
  const input = (name: keyof EditableProfile, label: string, props: React.ComponentProps<"input"> = {}, hint?: string) => (
    <Field id={name} label={label} hint={hint} error={error(name)}>
      {(aria) => <TextInput {...aria} name={name} defaultValue={String(profile[name] ?? "")} {...props} />}
    </Field>
  );
  const section = (title: string, children: React.ReactNode) => <FormSection title={title}>{children}</FormSection>;

  return (
    <form onSubmit={submitWith((form) => form)} className="space-y-6" noValidate>
      {section(
        t("roster.me.basic"),
        <>
          <p className="text-sm text-slate-600">{t("roster.me.vettedHint")}</p>
          <div className="grid gap-4 sm:grid-cols-2">
            {input("name", t("roster.fields.name"), { autoComplete: "name", maxLength: 50 })}
            {input("licenseNumber", t("roster.fields.licenseNumber"), { spellCheck: false, autoCapitalize: "characters" })}
          </div>
          <Field id="changeNote" label={t("roster.me.changeNote")} hint={t("roster.me.changeNoteHint")} error={error("changeNote")}>
            {(aria) => <TextInput {...aria} name="changeNote" maxLength={500} />}
          </Field>
        </>,
      )}
      {section(
        t("roster.me.practice"),
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            {input("title", t("roster.fields.title"), { maxLength: 50 })}
            {input("organization", t("roster.fields.organization"), { autoComplete: "organization", maxLength: 100 })}
            {input("phone", t("roster.fields.phone"), { type: "tel", autoComplete: "tel" })}
            {input("yearsOfPractice", t("roster.fields.yearsOfPractice"), { type: "number", inputMode: "numeric", min: 0, max: 80 })}
          </div>
          <RegionPicker
            name="homeRegionCode"
            label={t("roster.fields.homeRegion")}
            regions={regions}
            quickPicks={ZONE_COUNTIES}
            single
            defaultValues={[profile.homeRegionCode]}
            error={error("homeRegionCode")}
          />
          <Field id="bio" label={t("roster.fields.bio")} hint={t("roster.apply.bioHint")} error={error("bio")}>
            {(aria) => <textarea {...aria} name="bio" rows={4} defaultValue={profile.bio} className={inputClass} maxLength={2000} />}
          </Field>
        </>,
      )}
      {section(
        t("roster.me.service"),
        <ExpertServiceFields specialties={specialties} regions={regions} serviceModes={serviceModes} defaults={profile} error={error} />,
      )}
      {section(
        t("roster.me.availability"),
        <div className="grid gap-4 sm:grid-cols-2">
          {input("capacity", t("roster.fields.capacity"), { type: "number", inputMode: "numeric", min: 0, max: 200 }, t("roster.me.capacityHint"))}
          {input("pausedUntil", t("roster.me.pausedUntil"), { type: "date" }, t("roster.me.pausedUntilHint"))}
        </div>,
      )}
      {section(
        t("roster.me.notifications"),
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{t("roster.me.notifyByEmail")}</legend>
          <div className="mt-2 space-y-2">
            {notifyPreferences.map((value) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="notifyByEmail"
                  value={value}
                  defaultChecked={profile.notifyByEmail === value}
                  className="h-4 w-4 accent-brand-700"
                />
                {t(`roster.me.notify.${value}`)}
              </label>
            ))}
          </div>
        </fieldset>,
      )}
      <FormAlert message={message?.text} tone={message?.tone} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("roster.me.saving") : t("roster.me.save")}
      </Button>
    </form>
  );
}
