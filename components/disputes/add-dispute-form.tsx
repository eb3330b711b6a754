"use client";

import { useState } from "react";
import { createDisputeAction } from "@/app/(portal)/disputes/actions";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClass, TextInput } from "@/components/ui/field";
import { disputeKinds } from "@/db/schema/enums";
import { useT } from "@/lib/i18n/client";
import { useFormAction } from "./use-form-action";

/** "Add a dispute": counterparty, kind and the amount claimed, typed in yuan. */
export function AddDisputeForm({ requestId }: { requestId: string }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const { run, pending, error, fields } = useFormAction(createDisputeAction);

  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" onClick={() => (setOpen(true), setDone(false))}>
          {t("disputes.add.open")}
        </Button>
        {done ? <FormAlert tone="success" message={t("disputes.add.done")} /> : null}
      </div>
    );
  }
  return (
    <form
      noValidate
      className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        if (await run(new FormData(form) as never)) {
          form.reset();
          setOpen(false);
          setDone(true);
        }
      }}
    >
      <h3 className="font-medium text-slate-900">{t("disputes.add.title")}</h3>
      <FormAlert message={error} />
      <input type="hidden" name="requestId" value={requestId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="dispute-counterparty" label={t("disputes.add.counterpartyName")} error={fields.counterpartyName}>
          {(aria) => <TextInput {...aria} name="counterpartyName" required maxLength={200} autoComplete="off" />}
        </Field>
        <Field id="dispute-credit-code" label={t("disputes.add.counterpartyCreditCode")} error={fields.counterpartyCreditCode}>
          {(aria) => <TextInput {...aria} name="counterpartyCreditCode" autoCapitalize="characters" spellCheck={false} autoComplete="off" />}
        </Field>
        <Field id="dispute-kind" label={t("disputes.add.kind")} error={fields.kind}>
          {(aria) => (
            <select {...aria} name="kind" className={inputClass} defaultValue="receivable">
              {disputeKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`enums.disputeKind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="dispute-claimed" label={t("disputes.add.claimedYuan")} hint={t("disputes.add.claimedHint")} error={fields.claimedYuan}>
          {(aria) => <TextInput {...aria} name="claimedYuan" inputMode="decimal" required autoComplete="off" />}
        </Field>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" disabled={pending}>
          {pending ? t("disputes.add.submitting") : t("disputes.add.submit")}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => setOpen(false)}>
          {t("common.actions.cancel")}
        </Button>
      </div>
    </form>
  );
}
