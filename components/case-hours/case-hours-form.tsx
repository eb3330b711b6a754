"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/server-action";
import { useT } from "@/lib/i18n/client";

/**
 * The assigned expert's "record hours" form: the day (today unless changed, never later), the hours
 * in half-hour steps, and what was done.
 */
export function CaseHoursForm({
  action,
  requestId,
  today,
}: {
  action: (form: FormData) => Promise<ActionResult<unknown>>;
  requestId: string;
  today: string;
}) {
  const { t } = useT();
  return (
    <ActionForm
      action={action}
      schema={() => import("@/lib/case-hours/schemas").then((m) => m.caseHoursFormSchema)}
      hidden={{ requestId }}
      submitLabel={t("dutyFigures.caseHours.submit")}
      success={t("dutyFigures.caseHours.done")}
    >
      {(fields) => (
        <>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="case-hours-workedOn" label={t("dutyFigures.caseHours.workedOn")} error={fields.workedOn}>
              {(aria) => <input {...aria} type="date" name="workedOn" defaultValue={today} max={today} className={inputClass} />}
            </Field>
            <Field id="case-hours-hours" label={t("dutyFigures.caseHours.hours")} hint={t("dutyFigures.caseHours.hoursHint")} error={fields.hours}>
              {(aria) => (
                <input
                  {...aria}
                  type="number"
                  name="hours"
                  inputMode="decimal"
                  min={0.5}
                  max={24}
                  step={0.5}
                  defaultValue="1"
                  className={inputClass}
                />
              )}
            </Field>
          </div>
          <Field id="case-hours-note" label={t("dutyFigures.caseHours.note")} error={fields.note}>
            {(aria) => (
              <textarea
                {...aria}
                name="note"
                rows={2}
                placeholder={t("dutyFigures.caseHours.notePlaceholder")}
                className={`${inputClass} min-h-16`}
              />
            )}
          </Field>
        </>
      )}
    </ActionForm>
  );
}
