"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClass } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";
import { visitPurposes } from "@/lib/visits/fields";
import { planVisitAction } from "../actions";

interface Props {
  companies: { id: string; name: string; creditCode: string | null }[];
  /** For an admin, the experts to choose from (a current appointment); null for an expert, who plans for themself. */
  experts: { id: string; name: string; organization: string; offersVisits: boolean }[] | null;
  today: string;
  noCompanies: string;
}

/** The plan form: a company from the list, the day (today or later), the purpose (a quick choice or typed), and the expert for an admin. */
export function PlanVisitForm({ companies, experts, today, noCompanies }: Props) {
  const { t } = useT();
  const router = useRouter();
  const [purpose, setPurpose] = useState("");
  const { submitWith, pending, fields, message } = useServerAction(planVisitAction, {
    schema: () => import("@/lib/visits/schemas").then((m) => m.planVisitFormSchema),
    leavesPage: true,
    onSuccess: ({ id }) => router.push(`/visits/${id}`),
  });

  return (
    <form noValidate className="space-y-5" onSubmit={submitWith((form) => form)}>
      <FormAlert message={message?.text} tone={message?.tone} />
      <fieldset className="space-y-2" aria-describedby={fields.enterpriseId ? "visit-company-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">{t("visits.form.company")}</legend>
        {companies.length ? (
          <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200">
            {companies.map((company) => (
              <li key={company.id}>
                <label className="flex min-h-11 cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-slate-50">
                  <input type="radio" name="enterpriseId" value={company.id} defaultChecked={companies.length === 1} className="h-4 w-4" />
                  <span className="min-w-0">
                    <span className="block break-words text-slate-900">{company.name}</span>
                    {company.creditCode ? <span className="block font-mono text-xs text-slate-500">{company.creditCode}</span> : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-sm text-slate-600">{noCompanies}</p>
        )}
        {fields.enterpriseId ? (
          <p id="visit-company-error" className="text-sm text-red-700">
            {fields.enterpriseId}
          </p>
        ) : null}
      </fieldset>
      {experts ? (
        <Field id="visit-expert" label={t("visits.form.expert")} error={fields.expertId}>
          {(aria) => (
            <select {...aria} name="expertId" defaultValue="" className={inputClass}>
              <option value="">{t("visits.form.expertPlaceholder")}</option>
              {experts.map((expert) => (
                <option key={expert.id} value={expert.id}>
                  {[expert.name, expert.organization, expert.offersVisits ? t("visits.form.offersVisits") : ""].filter(Boolean).join(" · ")}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field id="visit-date" label={t("visits.form.date")} hint={t("visits.form.dateHint")} error={fields.visitOn}>
        {(aria) => <input {...aria} type="date" name="visitOn" min={today} className={`${inputClass} sm:max-w-xs`} />}
      </Field>
      <div className="space-y-2">
        <p id="visit-quick" className="text-sm font-medium text-slate-800">
          {t("visits.form.quick")}
        </p>
        <div role="group" aria-labelledby="visit-quick" className="flex flex-wrap gap-2">
          {visitPurposes.map((code) => {
            const label = t(`visits.purposes.${code}`);
            return (
              <button
                key={code}
                type="button"
                aria-pressed={purpose === label}
                onClick={() => setPurpose(label)}
                className="min-h-9 rounded-full border border-slate-300 bg-white px-3 text-sm text-slate-700 hover:bg-slate-100 aria-pressed:border-brand-700 aria-pressed:bg-brand-50 aria-pressed:text-brand-800"
              >
                {label}
              </button>
            );
          })}
        </div>
      </div>
      <Field id="visit-purpose" label={t("visits.form.purpose")} hint={t("visits.form.purposeHint")} error={fields.purpose}>
        {(aria) => (
          <textarea
            {...aria}
            name="purpose"
            rows={3}
            maxLength={500}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <Button type="submit" disabled={pending || companies.length === 0} className="w-full sm:w-auto">
        {pending ? t("common.actions.saving") : t("visits.form.submit")}
      </Button>
    </form>
  );
}
