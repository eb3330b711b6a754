"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClass } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import type { ActionResult } from "@/lib/http/server-action";
import { useT } from "@/lib/i18n/client";
import { anonymiseCase, type CaseFacts, type ReplacementKind } from "@/lib/typical-cases/anonymise";

export interface TypicalCaseFormValues {
  titleZh: string;
  titleEn: string;
  storyZh: string;
  storyEn: string;
  companyConsent: boolean;
}

interface Props<T> {
  action: (form: FormData) => Promise<ActionResult<T>>;
  hidden: Record<string, string>;
  initial: TypicalCaseFormValues;
  facts: CaseFacts;
  submitLabel: string;
  success?: string;
  /** A success leads to this path followed by the id the action answers (the new draft's page); otherwise the page refreshes. */
  goToBase?: string;
}

/**
 * The text of a typical case, with the anonymisation check beside it: as the admin types, it lists
 * what will be replaced (the same rules the server applies before storing).
 */
export function TypicalCaseForm<T extends { id: string }>({ action, hidden, initial, facts, submitLabel, success, goToBase }: Props<T>) {
  const { t } = useT();
  const router = useRouter();
  const { submitWith, pending, fields, message } = useServerAction(action, {
    schema: () => import("@/lib/typical-cases/schemas").then((m) => m.typicalCaseTextSchema),
    successMessage: success ? () => success : undefined,
    onSuccess: goToBase ? (data) => router.push(`${goToBase}${data.id}`) : undefined,
    leavesPage: Boolean(goToBase),
  });
  const [values, setValues] = useState(initial);
  const check = useMemo(() => anonymiseCase(values, facts, values.companyConsent), [values, facts]);
  const set = (key: keyof TypicalCaseFormValues) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: event.target.value }));
  const names = [facts.company.name, ...facts.people, ...facts.counterparties.map((c) => c.name)].filter(Boolean);
  const kindLabel: Record<ReplacementKind, string> = {
    company: t("typicalCases.form.kinds.company"),
    counterparty: t("typicalCases.form.kinds.counterparty"),
    person: t("typicalCases.form.kinds.person"),
    creditCode: t("typicalCases.form.kinds.creditCode"),
    phone: t("typicalCases.form.kinds.phone"),
    idNumber: t("typicalCases.form.kinds.idNumber"),
  };
  const fieldLabel: Record<string, string> = {
    titleZh: t("typicalCases.form.titleZh"),
    titleEn: t("typicalCases.form.titleEn"),
    storyZh: t("typicalCases.form.storyZh"),
    storyEn: t("typicalCases.form.storyEn"),
  };
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={submitWith((form) => {
        for (const [key, value] of Object.entries(hidden)) form.set(key, value);
        return form;
      })}
    >
      <FormAlert message={message?.text} tone={message?.tone} />
      <Field id="tc-title-zh" label={fieldLabel.titleZh} error={fields.titleZh}>
        {(aria) => <input {...aria} name="titleZh" value={values.titleZh} onChange={set("titleZh")} className={inputClass} />}
      </Field>
      <Field id="tc-story-zh" label={fieldLabel.storyZh} error={fields.storyZh}>
        {(aria) => <textarea {...aria} name="storyZh" rows={8} value={values.storyZh} onChange={set("storyZh")} className={inputClass} />}
      </Field>
      <Field id="tc-title-en" label={fieldLabel.titleEn} error={fields.titleEn}>
        {(aria) => <input {...aria} name="titleEn" value={values.titleEn} onChange={set("titleEn")} className={inputClass} />}
      </Field>
      <Field id="tc-story-en" label={fieldLabel.storyEn} error={fields.storyEn}>
        {(aria) => <textarea {...aria} name="storyEn" rows={6} value={values.storyEn} onChange={set("storyEn")} className={inputClass} />}
      </Field>
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="companyConsent"
            value="true"
            checked={values.companyConsent}
            onChange={(event) => setValues((v) => ({ ...v, companyConsent: event.target.checked }))}
            className="mt-1"
            aria-describedby="tc-consent-hint"
          />
          <span>{t("typicalCases.form.companyConsent")}</span>
        </label>
        <p id="tc-consent-hint" className="mt-1 text-sm text-slate-600">
          {t("typicalCases.form.companyConsentHint")}
        </p>
      </div>
      <section aria-labelledby="tc-check" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
        <h3 id="tc-check" className="font-semibold text-slate-900">
          {t("typicalCases.form.checkTitle")}
        </h3>
        {check.replaced.length ? (
          <>
            <p className="mt-1 text-slate-700">{t("typicalCases.form.checkIntro")}</p>
            <ul className="mt-1 list-disc space-y-1 pl-5" data-testid="anonymisation-check">
              {check.replaced.map((r) => (
                <li key={`${r.field}-${r.kind}-${r.found}`}>
                  <span className="text-slate-600">{kindLabel[r.kind]}：</span>
                  {t("typicalCases.form.replacedWith", { found: r.found, placeholder: r.placeholder })}
                  <span className="text-slate-500">{t("typicalCases.form.inField", { field: fieldLabel[r.field] ?? r.field })}</span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="mt-1 text-slate-700">{t("typicalCases.form.checkNone")}</p>
        )}
        <p className="mt-2 text-xs text-slate-500">{t("typicalCases.form.checkedNames", { names: names.join("、") })}</p>
      </section>
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("common.actions.saving") : submitLabel}
      </Button>
    </form>
  );
}
