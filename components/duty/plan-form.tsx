"use client";

import { useState } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormAlert, inputClass, labelClass } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import type { planStationDutySchema } from "@/lib/duty/schemas";
import { dutyPeriods, type DutyPeriod } from "@/lib/enums";
import type { ActionResult } from "@/lib/http/server-action";
import { useT } from "@/lib/i18n/client";

export interface ExpertChoice {
  id: string;
  name: string;
  organization: string;
  servesStation: boolean;
}

/** What the form starts from: a declined session being planned again, or nothing. */
export interface PlanDefaults {
  date: string;
  period: DutyPeriod;
  slots: number;
  /** Shown above the form: whose session this replaces. */
  note?: string;
}

/** The plan action (the page hands it down): the plan for the station named in it. */
export type PlanAction = (input: z.input<typeof planStationDutySchema>) => Promise<ActionResult<{ ids: string[]; skipped: string[] }>>;

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

/**
 * Plans one duty session or a weekly series: the expert (those serving the station's area first),
 * the date, the half-day, the slots, and optionally "every N weeks until". Field messages under the
 * fields; a clash names the date; the page refreshes with the new sessions.
 */
export function PlanForm({
  stationId,
  experts,
  today,
  defaults,
  action,
}: {
  stationId: string;
  experts: ExpertChoice[];
  today: string;
  defaults?: PlanDefaults;
  action: PlanAction;
}) {
  const { t } = useT();
  const [repeat, setRepeat] = useState(false);
  const { submitWith, pending, fields, message, generation, confirmation } = useServerAction(action, {
    schema: () => import("@/lib/duty/schemas").then((m) => m.planStationDutySchema),
    successMessage: (data) =>
      [t("rota.plan.done", { n: data.ids.length }), data.skipped.length ? t("rota.plan.skipped", { dates: data.skipped.join("、") }) : ""]
        .filter(Boolean)
        .join(" "),
    onSuccess: () => setRepeat(false),
  });
  const serving = experts.filter((e) => e.servesStation);
  const others = experts.filter((e) => !e.servesStation);
  const option = (e: ExpertChoice) => (
    <option key={e.id} value={e.id}>
      {e.organization ? `${e.name}（${e.organization}）` : e.name}
    </option>
  );

  if (!experts.length) return <p className="text-sm text-slate-600">{t("rota.plan.noExperts")}</p>;
  return (
    <form
      key={generation}
      noValidate
      className="space-y-4"
      onSubmit={submitWith((form) => ({
        stationId,
        expertId: text(form.get("expertId")),
        date: text(form.get("date")),
        // an unknown value fails the schema with the period's own message
        period: text(form.get("period")) as DutyPeriod,
        slots: text(form.get("slots")),
        repeat: form.get("repeat") === "on" ? { everyWeeks: text(form.get("everyWeeks")), until: text(form.get("until")) } : undefined,
      }))}
    >
      {defaults?.note ? <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{defaults.note}</p> : null}
      <FormAlert message={message?.text} tone={message?.tone} />
      <Field id="plan-expert" label={t("rota.plan.expert")} error={fields.expertId}>
        {(aria) => (
          <select {...aria} name="expertId" defaultValue="" className={inputClass}>
            <option value="" disabled>
              {t("rota.plan.choose")}
            </option>
            {serving.length ? <optgroup label={t("rota.plan.servingGroup")}>{serving.map(option)}</optgroup> : null}
            {others.length ? <optgroup label={t("rota.plan.otherGroup")}>{others.map(option)}</optgroup> : null}
          </select>
        )}
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field id="plan-date" label={t("rota.plan.date")} error={fields.date}>
          {(aria) => <input {...aria} type="date" name="date" min={today} defaultValue={defaults?.date ?? ""} className={inputClass} />}
        </Field>
        <Field id="plan-slots" label={t("rota.plan.slots")} hint={t("rota.plan.slotsHint")} error={fields.slots}>
          {(aria) => (
            <input
              {...aria}
              type="number"
              name="slots"
              min={1}
              max={50}
              inputMode="numeric"
              defaultValue={defaults?.slots ?? 6}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <fieldset className="space-y-1" aria-describedby={fields.period ? "plan-period-error" : undefined}>
        <legend className={labelClass}>{t("rota.plan.period")}</legend>
        <div className="grid grid-cols-3 gap-2">
          {dutyPeriods.map((period) => (
            <label
              key={period}
              className="flex min-h-10 cursor-pointer items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:font-medium"
            >
              <input type="radio" name="period" value={period} defaultChecked={period === (defaults?.period ?? "am")} className="accent-brand-700" />
              {t(`rota.period.${period}`)}
            </label>
          ))}
        </div>
        {fields.period ? (
          <p id="plan-period-error" className="text-sm text-red-700">
            {fields.period}
          </p>
        ) : null}
      </fieldset>
      <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
        <input type="checkbox" name="repeat" checked={repeat} onChange={(e) => setRepeat(e.target.checked)} className="h-4 w-4 accent-brand-700" />
        {t("rota.plan.repeat")}
      </label>
      {repeat ? (
        <div className="grid grid-cols-2 gap-3 rounded-md border border-slate-200 bg-slate-50 p-3">
          <Field id="plan-every" label={t("rota.plan.everyWeeks")} hint={t("rota.plan.everyWeeksHint")} error={fields["repeat.everyWeeks"]}>
            {(aria) => (
              <input {...aria} type="number" name="everyWeeks" min={1} max={12} inputMode="numeric" defaultValue={1} className={inputClass} />
            )}
          </Field>
          <Field id="plan-until" label={t("rota.plan.until")} hint={t("rota.plan.untilHint")} error={fields["repeat.until"]}>
            {(aria) => <input {...aria} type="date" name="until" min={today} className={inputClass} />}
          </Field>
        </div>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("common.actions.saving") : t("rota.plan.submit")}
      </Button>
      <ConfirmDialog {...confirmation} />
    </form>
  );
}
