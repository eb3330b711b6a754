"use client";

import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormAlert, inputClass } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import type { ActionResult } from "@/lib/http/server-action";
import { useT } from "@/lib/i18n/client";
import { MAX_FINDINGS } from "@/lib/visits/fields";

interface Row {
  key: number;
  finding: string;
  recommendation: string;
  needsWork: boolean;
}

type Input = { visitId: string; summary: string; findings: Omit<Row, "key">[] };

/**
 * The visiting expert's record of a visit: the overall summary and any number of findings, each
 * with its recommendation and whether it needs work. Checked against the action's schema, then
 * confirmed (it completes the visit and cannot be changed), then saved in one step.
 */
export function FindingsForm({ visitId, action }: { visitId: string; action: (input: Input) => Promise<ActionResult<unknown>> }) {
  const { t } = useT();
  const id = useId();
  const nextKey = useRef(1);
  const [summary, setSummary] = useState("");
  const [rows, setRows] = useState<Row[]>([{ key: 0, finding: "", recommendation: "", needsWork: false }]);
  const { run, pending, fields, message, confirmation } = useServerAction(action, {
    schema: () => import("@/lib/visits/schemas").then((m) => m.recordFindingsSchema),
    confirm: () => t("visits.detail.recordConfirm"),
    successMessage: () => t("visits.detail.recordDone"),
  });

  const change = (index: number, patch: Partial<Row>) => setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const add = () => setRows((current) => [...current, { key: nextKey.current++, finding: "", recommendation: "", needsWork: false }]);
  const remove = (index: number) => setRows((current) => current.filter((_, i) => i !== index));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    // A row left wholly blank is not a finding.
    const filled = rows.filter((row) => row.finding.trim() || row.recommendation.trim());
    void run({ visitId, summary, findings: filled.map(({ finding, recommendation, needsWork }) => ({ finding, recommendation, needsWork })) });
  }

  // Field messages name the rows as sent (blank rows left out): map them back to the rows on screen.
  const sentIndex = (index: number) => rows.slice(0, index).filter((row) => row.finding.trim() || row.recommendation.trim()).length;

  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      <FormAlert message={message?.text} tone={message?.tone} />
      <Field id={`${id}-summary`} label={t("visits.detail.summary")} error={fields.summary}>
        {(aria) => (
          <textarea {...aria} rows={4} maxLength={4000} value={summary} onChange={(e) => setSummary(e.target.value)} className={inputClass} />
        )}
      </Field>
      <ol className="space-y-3">
        {rows.map((row, index) => {
          const sent = sentIndex(index);
          const error = (name: string) => fields[`findings.${sent}.${name}`];
          return (
            <li key={row.key} className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
              <div className="flex items-center justify-between gap-2">
                <p className="text-sm font-medium text-slate-800">{t("visits.detail.findingN", { n: index + 1 })}</p>
                {rows.length > 1 ? (
                  <Button type="button" variant="ghost" className="min-h-9 px-2 py-1" onClick={() => remove(index)}>
                    {t("visits.detail.removeFinding", { n: index + 1 })}
                  </Button>
                ) : null}
              </div>
              <Field id={`${id}-${row.key}-finding`} label={t("visits.detail.finding")} error={error("finding")}>
                {(aria) => (
                  <textarea
                    {...aria}
                    rows={2}
                    maxLength={2000}
                    value={row.finding}
                    onChange={(e) => change(index, { finding: e.target.value })}
                    className={inputClass}
                  />
                )}
              </Field>
              <Field id={`${id}-${row.key}-recommendation`} label={t("visits.detail.recommendation")} error={error("recommendation")}>
                {(aria) => (
                  <textarea
                    {...aria}
                    rows={2}
                    maxLength={2000}
                    value={row.recommendation}
                    onChange={(e) => change(index, { recommendation: e.target.value })}
                    className={inputClass}
                  />
                )}
              </Field>
              <label className="flex min-h-10 items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" checked={row.needsWork} onChange={(e) => change(index, { needsWork: e.target.checked })} className="h-4 w-4" />
                {t("visits.detail.needsWork")}
              </label>
            </li>
          );
        })}
      </ol>
      {fields.findings ? <p className="text-sm text-red-700">{fields.findings}</p> : null}
      <div className="flex flex-col gap-2 sm:flex-row">
        {rows.length < MAX_FINDINGS ? (
          <Button type="button" variant="secondary" onClick={add}>
            {t("visits.detail.addFinding")}
          </Button>
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? t("common.actions.saving") : t("visits.detail.recordSubmit")}
        </Button>
      </div>
      <ConfirmDialog {...confirmation} />
    </form>
  );
}
