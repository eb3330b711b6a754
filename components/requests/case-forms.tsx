"use client";

import { useState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/server-action";
import { useT } from "@/lib/i18n/client";
import { contactMethods, requestCategories, type RequestCategory } from "@/lib/enums";
import { ActionForm } from "@/components/ui/action-form";

type Action = (form: FormData) => Promise<ActionResult<unknown>>;
interface Props {
  action: Action;
  requestId: string;
}

const textareaClass = `${inputClass} min-h-24`;

/** A textarea tied to its label, hint and error. */
function TextArea({
  name,
  label,
  hint,
  error,
  rows = 4,
  placeholder,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  rows?: number;
  placeholder?: string;
}) {
  return (
    <Field id={name} label={label} hint={hint} error={error}>
      {(aria) => <textarea {...aria} name={name} rows={rows} placeholder={placeholder} className={textareaClass} />}
    </Field>
  );
}

/** Stars 1-5 as a radio group: big enough to tap, readable by screen readers. */
function StarRating({ name, label, error, idPrefix = "" }: { name: string; label: string; error?: string; idPrefix?: string }) {
  const { t } = useT();
  const [value, setValue] = useState(0);
  return (
    // The radios lie transparent over their stars: a tap on a star is a tap on its radio.
    <fieldset aria-describedby={error ? `${idPrefix}${name}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      <div className="mt-1 flex gap-1">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="relative cursor-pointer">
            <input type="radio" name={name} value={n} className="peer absolute inset-0 cursor-pointer opacity-0" onChange={() => setValue(n)} />
            <span
              aria-hidden
              className={`block text-3xl leading-none peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600 ${n <= value ? "text-accent-500" : "text-slate-300"}`}
            >
              ★
            </span>
            <span className="sr-only">{t("requests.actions.stars", { n })}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${idPrefix}${name}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function MessageForm({ action, requestId }: Props) {
  const { t } = useT();
  return (
    <ActionForm action={action} hidden={{ requestId }} submitLabel={t("requests.messages.send")} pendingLabel={t("requests.messages.sending")}>
      {(fields) => (
        <TextArea name="body" label={t("requests.messages.label")} placeholder={t("requests.messages.placeholder")} error={fields.body} rows={3} />
      )}
    </ActionForm>
  );
}

export function WithdrawForm({ action, requestId }: Props) {
  const { t } = useT();
  return (
    <ActionForm
      action={action}
      hidden={{ requestId }}
      schema={() => import("@/lib/requests/schemas").then((m) => m.withdrawSchema)}
      variant="danger"
      submitLabel={t("requests.actions.withdraw")}
      confirm={t("requests.actions.withdrawConfirm")}
    >
      {(fields) => <TextArea name="reason" label={t("requests.actions.withdrawReason")} error={fields.reason} rows={2} />}
    </ActionForm>
  );
}

/** The request's category and specialties as filed, and the specialties to choose from, for correcting them while triaging. */
export interface Classification {
  category: RequestCategory;
  specialties: string[];
  options: { code: string; name: string }[];
}

/** Category and specialties, as filed: the admin may correct them (sent with the decision, recorded on the timeline). */
function ClassificationFields({ classification: c, fields }: { classification: Classification; fields: Record<string, string> }) {
  const { t } = useT();
  return (
    <details className="rounded-md border border-slate-200 px-3 py-2" open={Boolean(fields.category || fields.specialties)}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("requests.actions.classify")}</summary>
      <div className="mt-3 space-y-3">
        <p className="text-xs text-slate-500">{t("requests.actions.classifyHint")}</p>
        <Field id="triage-category" label={t("requests.detail.category")} error={fields.category}>
          {(aria) => (
            <select {...aria} name="category" defaultValue={c.category} className={inputClass}>
              {requestCategories.map((value) => (
                <option key={value} value={value}>
                  {t(`enums.requestCategory.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset aria-describedby={fields.specialties ? "triage-specialties-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t("requests.actions.classifySpecialties")}</legend>
          {/* One blank entry, so that "none ticked" still arrives as an (empty) list. */}
          <input type="hidden" name="specialties[]" value="" />
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {c.options.map((s) => (
              <label key={s.code} className="flex items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" name="specialties[]" value={s.code} defaultChecked={c.specialties.includes(s.code)} />
                {s.name}
              </label>
            ))}
          </div>
          {fields.specialties ? (
            <p id="triage-specialties-error" className="mt-1 text-sm text-red-700">
              {fields.specialties}
            </p>
          ) : null}
        </fieldset>
      </div>
    </details>
  );
}

export function TriageForm({ action, requestId, classification }: Props & { classification?: Classification }) {
  const { t } = useT();
  const [decision, setDecision] = useState<"accept" | "return" | "reject">("accept");
  const choices = [
    ["accept", t("requests.actions.accept")],
    ["return", t("requests.actions.return")],
    ["reject", t("requests.actions.reject")],
  ] as const;
  return (
    <ActionForm
      action={action}
      hidden={{ requestId }}
      schema={() => import("@/lib/requests/schemas").then((m) => m.triageSchema)}
      variant={decision === "reject" ? "danger" : "primary"}
      submitLabel={t("requests.actions.triageSubmit")}
      confirm={decision === "reject" ? t("requests.actions.rejectConfirm") : undefined}
      success={t("requests.actions.triageDone")}
    >
      {(fields) => (
        <>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">{t("requests.actions.decision")}</legend>
            <div className="mt-1 grid gap-2 sm:grid-cols-3">
              {choices.map(([value, label]) => (
                <label
                  key={value}
                  className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm has-checked:border-brand-600 has-checked:bg-brand-50"
                >
                  <input type="radio" name="decision" value={value} checked={decision === value} onChange={() => setDecision(value)} />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
          {decision !== "accept" ? (
            <TextArea
              name="reason"
              label={t("requests.actions.reason")}
              hint={decision === "return" ? t("requests.actions.reasonHintReturn") : t("requests.actions.reasonHintReject")}
              error={fields.reason}
              rows={3}
            />
          ) : null}
          {classification ? <ClassificationFields classification={classification} fields={fields} /> : null}
          {decision === "reject" ? (
            <Field id="referral" label={t("requests.actions.referral")} hint={t("requests.actions.referralHint")} error={fields.referral}>
              {(aria) => <input {...aria} name="referral" className={inputClass} />}
            </Field>
          ) : null}
        </>
      )}
    </ActionForm>
  );
}

export function StartForm({ action, requestId }: Props) {
  const { t } = useT();
  return <ActionForm action={action} hidden={{ requestId }} submitLabel={t("requests.actions.start")} />;
}

export function ResolveForm({ action, requestId }: Props) {
  const { t } = useT();
  return (
    <ActionForm
      action={action}
      hidden={{ requestId }}
      schema={() => import("@/lib/requests/schemas").then((m) => m.resolveSchema)}
      submitLabel={t("requests.actions.resolve")}
      confirm={t("requests.actions.resolveConfirm")}
      success={t("requests.actions.resolveDone")}
    >
      {(fields) => <TextArea name="summary" label={t("requests.actions.summary")} hint={t("requests.actions.summaryHint")} error={fields.summary} />}
    </ActionForm>
  );
}

/** Confirm and rate; while the company has a query open on the ledger, closing anyway is a choice it ticks. */
export function ConfirmForm({ action, requestId, openQueries = 0 }: Props & { openQueries?: number }) {
  const { t } = useT();
  return (
    <ActionForm action={action} hidden={{ requestId }} submitLabel={t("requests.actions.confirm")} success={t("requests.actions.confirmDone")}>
      {(fields) => (
        <>
          <StarRating name="rating" label={t("requests.actions.rating")} error={fields.rating} />
          <TextArea name="comment" label={t("requests.actions.comment")} error={fields.comment} rows={3} />
          {openQueries > 0 ? (
            <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
              <p>{t("requests.actions.openQueriesNote", { n: openQueries })}</p>
              <label className="flex items-start gap-2">
                <input
                  type="checkbox"
                  name="closeDespiteQueries"
                  value="true"
                  className="mt-0.5"
                  aria-describedby={fields.closeDespiteQueries ? "closeDespiteQueries-error" : undefined}
                />
                <span>{t("requests.actions.closeDespiteQueries")}</span>
              </label>
              {fields.closeDespiteQueries ? (
                <p id="closeDespiteQueries-error" className="text-red-700">
                  {fields.closeDespiteQueries}
                </p>
              ) : null}
            </div>
          ) : null}
        </>
      )}
    </ActionForm>
  );
}

/** "不同意结果": the company says why, and the case goes back to its expert. */
export function ObjectForm({ action, requestId }: Props) {
  const { t } = useT();
  return (
    <ActionForm
      action={action}
      hidden={{ requestId }}
      schema={() => import("@/lib/requests/schemas").then((m) => m.objectSchema)}
      variant="secondary"
      submitLabel={t("requests.actions.object")}
      confirm={t("requests.actions.objectConfirm")}
      success={t("requests.actions.objectDone")}
    >
      {(fields) => <TextArea name="reason" label={t("requests.actions.objectReason")} error={fields.reason} rows={3} />}
    </ActionForm>
  );
}

export function ReturnVisitForm({ action, requestId, today, idPrefix = "" }: Props & { today: string; idPrefix?: string }) {
  const { t } = useT();
  return (
    <ActionForm action={action} hidden={{ requestId }} submitLabel={t("requests.actions.recordVisit")} success={t("requests.actions.visitDone")}>
      {(fields) => <ReturnVisitFields fields={fields} today={today} idPrefix={idPrefix} />}
    </ActionForm>
  );
}

/**
 * The fields of a return visit: the day (today unless changed, never later), how it was made, how
 * satisfied the company is, and a note. `idPrefix` keeps the ids apart when a page shows several.
 */
export function ReturnVisitFields({ fields, today, idPrefix = "" }: { fields: Record<string, string>; today: string; idPrefix?: string }) {
  const { t } = useT();
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${idPrefix}visitedOn`} label={t("requests.actions.visitedOn")} error={fields.visitedOn}>
          {(aria) => <input {...aria} type="date" name="visitedOn" defaultValue={today} max={today} className={inputClass} />}
        </Field>
        <Field id={`${idPrefix}method`} label={t("requests.actions.visitMethod")} error={fields.method}>
          {(aria) => (
            <select {...aria} name="method" className={inputClass} defaultValue="phone">
              {contactMethods.map((m) => (
                <option key={m} value={m}>
                  {t(`enums.contactMethod.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <StarRating name="satisfaction" idPrefix={idPrefix} label={t("requests.actions.satisfaction")} error={fields.satisfaction} />
      <Field id={`${idPrefix}note`} label={t("requests.actions.visitSummary")} error={fields.note}>
        {(aria) => <textarea {...aria} name="note" rows={2} className={textareaClass} />}
      </Field>
    </>
  );
}
