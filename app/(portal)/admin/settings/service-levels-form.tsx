"use client";

import { Button } from "@/components/ui/button";
import { Field, FormAlert, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { requestCategories, type RequestCategory } from "@/lib/enums";
import { useT } from "@/lib/i18n/client";
import type { ServiceLevels } from "@/lib/timeliness/schemas";
import { updateServiceLevelsAction } from "./actions";

const hourFields = ["triageHours", "urgentTriageHours", "firstContactHours"] as const;
const dayFields = ["staleDays", "returnVisitAfterDays"] as const;

/**
 * The service levels, replaced whole: the hours to triage and to the first contact (working hours),
 * the days of silence and until the return visit (calendar days), the resolution target per
 * category (working days) and how many experts are offered a request at once.
 */
export function ServiceLevelsForm({ initial }: { initial: ServiceLevels }) {
  const { t } = useT();
  const { submitWith, pending, fields, message } = useServerAction(updateServiceLevelsAction, {
    successMessage: () => t("timeliness.settings.saved"),
  });
  const number = (name: string, label: string, value: number, max: number, error?: string, hint?: string) => (
    <Field key={name} id={`sl-${name}`} label={label} hint={hint} error={error}>
      {(aria) => <TextInput {...aria} name={name} type="number" inputMode="numeric" min={1} max={max} step={1} defaultValue={value} />}
    </Field>
  );

  return (
    <form
      onSubmit={submitWith((form) => ({
        triageHours: form.get("triageHours"),
        urgentTriageHours: form.get("urgentTriageHours"),
        firstContactHours: form.get("firstContactHours"),
        staleDays: form.get("staleDays"),
        returnVisitAfterDays: form.get("returnVisitAfterDays"),
        resolutionDays: Object.fromEntries(requestCategories.map((c) => [c, form.get(`resolutionDays.${c}`)])) as Record<
          RequestCategory,
          FormDataEntryValue | null
        >,
        parallelOffers: { normal: form.get("parallelOffers.normal"), urgent: form.get("parallelOffers.urgent") },
      }))}
      className="space-y-6"
      noValidate
    >
      <FormAlert message={message?.text} tone={message?.tone} />
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">{t("timeliness.settings.steps")}</legend>
        <p className="text-sm text-slate-600">{t("timeliness.settings.workingHoursHint")}</p>
        <div className="grid gap-4 sm:grid-cols-3">
          {hourFields.map((name) => number(name, t(`timeliness.settings.${name}`), initial[name], 300, fields[name]))}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {dayFields.map((name) =>
            number(name, t(`timeliness.settings.${name}`), initial[name], 365, fields[name], t(`timeliness.settings.hints.${name}`)),
          )}
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">{t("timeliness.settings.resolutionDays")}</legend>
        <p className="text-sm text-slate-600">{t("timeliness.settings.resolutionHint")}</p>
        <div className="grid grid-cols-2 items-end gap-4 sm:grid-cols-4">
          {requestCategories.map((c) =>
            number(`resolutionDays.${c}`, t(`enums.requestCategory.${c}`), initial.resolutionDays[c], 365, fields[`resolutionDays.${c}`]),
          )}
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">{t("timeliness.settings.parallelOffers")}</legend>
        <p className="text-sm text-slate-600">{t("timeliness.settings.parallelHint")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {(["normal", "urgent"] as const).map((urgency) =>
            number(
              `parallelOffers.${urgency}`,
              t(`enums.urgency.${urgency}`),
              initial.parallelOffers[urgency],
              5,
              fields[`parallelOffers.${urgency}`],
            ),
          )}
        </div>
      </fieldset>
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("common.actions.saving") : t("timeliness.settings.save")}
      </Button>
    </form>
  );
}
