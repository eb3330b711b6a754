"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormAlert, inputClass } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";
import { decideApplicationAction } from "../actions";

/**
 * Approve (with a term for a new expert) or reject, with a reason, after a confirmation that
 * says what will happen. Approval waits for the whole checklist.
 */
export function DecisionForm({
  applicationId,
  name,
  isJoin,
  checklistComplete,
  termEnds,
}: {
  applicationId: string;
  name: string;
  isJoin: boolean;
  checklistComplete: boolean;
  /** Years -> the end date a term from today would have, already formatted. */
  termEnds: Record<string, string>;
}) {
  const { t } = useT();
  const [approve, setApprove] = useState(true);
  const [termYears, setTermYears] = useState("3");
  const { submitWith, pending, fields, message, confirmation } = useServerAction(decideApplicationAction, {
    schema: () => import("@/lib/roster/decision-schemas").then((m) => m.decisionSchema),
    confirm: () =>
      !approve
        ? t("roster.admin.applications.confirmReject", { name })
        : isJoin
          ? t("roster.admin.applications.confirmApproveJoin", { name, years: termYears, date: termEnds[termYears] ?? "" })
          : t("roster.admin.applications.confirmApprove", { name }),
    successMessage: () => t("roster.admin.applications.done"),
  });

  return (
    <form
      onSubmit={submitWith((form) => {
        form.set("applicationId", applicationId);
        form.set("approve", String(approve));
        form.set("termYears", termYears);
        return form;
      })}
      className="space-y-4"
      noValidate
    >
      <fieldset>
        <legend className="sr-only">{t("roster.admin.applications.decision")}</legend>
        <div className="grid grid-cols-2 gap-2">
          {[true, false].map((value) => (
            <label
              key={String(value)}
              className="flex min-h-10 items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name="approve"
                checked={approve === value}
                onChange={() => setApprove(value)}
                className="h-4 w-4 accent-brand-700"
              />
              {value ? t("roster.admin.applications.approve") : t("roster.admin.applications.reject")}
            </label>
          ))}
        </div>
      </fieldset>
      {approve && !checklistComplete ? <p className="text-sm text-amber-800">{t("roster.admin.applications.checklistFirst")}</p> : null}
      {approve && isJoin ? (
        <Field
          id="termYears"
          label={t("roster.admin.applications.termYears")}
          hint={t("roster.admin.applications.termPreview", { date: termEnds[termYears] ?? "" })}
          error={fields.termYears}
        >
          {(aria) => (
            <select {...aria} name="termYears" value={termYears} onChange={(e) => setTermYears(e.target.value)} className={inputClass}>
              {Object.keys(termEnds).map((years) => (
                <option key={years} value={years}>
                  {years}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field id="reason" label={t("roster.admin.applications.reason")} hint={t("roster.admin.applications.reasonHint")} error={fields.reason}>
        {(aria) => <textarea {...aria} name="reason" rows={3} maxLength={500} className={inputClass} />}
      </Field>
      <FormAlert message={message?.text} tone={message?.tone} />
      <Button type="submit" variant={approve ? "primary" : "danger"} disabled={pending || (approve && !checklistComplete)} className="w-full">
        {pending ? t("roster.admin.applications.submitting") : t("roster.admin.applications.submit")}
      </Button>
      <ConfirmDialog {...confirmation} variant={approve ? "primary" : "danger"} />
    </form>
  );
}
