"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { ExpertServiceFields } from "@/components/roster/expert-service-fields";
import { fieldError } from "@/components/roster/field-errors";
import { RegionPicker } from "@/components/roster/region-picker";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClass, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { FormSection } from "@/components/ui/form-section";
import type { ServiceMode } from "@/lib/enums";
import { useT } from "@/lib/i18n/client";
import type { RegionOption } from "@/lib/regions/options";
import { ZONE_COUNTIES } from "@/lib/regions/zone";
import { applyAction } from "./actions";

export function ApplyForm({
  specialties,
  regions,
  serviceModes,
}: {
  specialties: { code: string; name: string }[];
  regions: RegionOption[];
  /** Passed in: the enum list lives beside the database schema, which stays out of the browser bundle. */
  serviceModes: readonly ServiceMode[];
}) {
  const { t } = useT();
  const router = useRouter();
  const { fields, message, pending, submitWith } = useServerAction((form: FormData) => applyAction(form), {
    successMessage: () => t("roster.apply.done"),
    leavesPage: true,
    onSuccess: async (_data, form) => {
      await signIn("credentials", { email: String(form.get("email")), password: String(form.get("password")), redirect: false });
      // A fresh render, so the header shows the applicant signed in.
      router.push("/apply/status");
      router.refresh();
    },
  });

  const error = (name: string) => fieldError(fields, name);
  const input = (name: string, label: string, props: React.ComponentProps<"input"> = {}, hint?: string) => (
    <Field id={name} label={label} hint={hint} error={error(name)}>
      {(aria) => <TextInput {...aria} name={name} {...props} />}
    </Field>
  );
  const textarea = (name: string, label: string, hint?: string, rows = 3) => (
    <Field id={name} label={label} hint={hint} error={error(name)}>
      {(aria) => <textarea {...aria} name={name} rows={rows} className={inputClass} maxLength={2000} />}
    </Field>
  );
  const section = (title: string, children: React.ReactNode) => <FormSection title={title}>{children}</FormSection>;

  return (
    <form onSubmit={submitWith((form) => form)} className="space-y-6" noValidate>
      <FormAlert message={message?.text} tone={message?.tone} />
      {section(
        t("roster.apply.account"),
        <div className="grid gap-4 sm:grid-cols-2">
          {input("name", t("roster.fields.name"), { autoComplete: "name", required: true, maxLength: 50 })}
          {input("phone", t("roster.fields.phone"), { type: "tel", autoComplete: "tel", required: true })}
          {input("email", t("roster.fields.email"), { type: "email", autoComplete: "email", required: true }, t("roster.apply.emailHint"))}
          {input(
            "password",
            t("roster.fields.password"),
            { type: "password", autoComplete: "new-password", required: true },
            t("roster.apply.passwordHint"),
          )}
        </div>,
      )}
      {section(
        t("roster.apply.practice"),
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            {input("title", t("roster.fields.title"), { required: true, maxLength: 50 }, t("roster.apply.titleHint"))}
            {input("organization", t("roster.fields.organization"), { autoComplete: "organization", required: true, maxLength: 100 })}
            {input(
              "licenseNumber",
              t("roster.fields.licenseNumber"),
              { required: true, spellCheck: false, autoCapitalize: "characters" },
              t("roster.apply.licenseHint"),
            )}
            {input("yearsOfPractice", t("roster.fields.yearsOfPractice"), { type: "number", inputMode: "numeric", min: 0, max: 80, required: true })}
          </div>
          <RegionPicker
            name="homeRegionCode"
            label={t("roster.fields.homeRegion")}
            regions={regions}
            quickPicks={ZONE_COUNTIES}
            single
            error={error("homeRegionCode")}
          />
        </>,
      )}
      {section(
        t("roster.apply.service"),
        <ExpertServiceFields
          specialties={specialties}
          regions={regions}
          serviceModes={serviceModes}
          defaults={{ languages: ["zh"] }}
          error={error}
        />,
      )}
      {section(
        t("roster.apply.vetting"),
        <>
          {textarea("bio", t("roster.fields.bio"), t("roster.apply.bioHint"), 4)}
          {textarea("references", t("roster.fields.references"), t("roster.apply.referencesHint"))}
          {textarea("statement", t("roster.fields.statement"), t("roster.apply.statementHint"), 4)}
        </>,
      )}
      <p className="text-sm text-slate-600">{t("roster.apply.privacy")}</p>
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("roster.apply.submitting") : t("roster.apply.submit")}
      </Button>
    </form>
  );
}
