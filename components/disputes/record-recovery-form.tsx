"use client";

import { useState } from "react";
import { recordRecoveryAction } from "@/app/(portal)/disputes/actions";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClass, TextInput } from "@/components/ui/field";
import { recoveryMethods } from "@/db/schema/enums";
import { useT } from "@/lib/i18n/client";
import { useFormAction } from "./use-form-action";

/** "Record money received" for one dispute: amount typed in yuan (parsed as text), date, method, evidence. */
export function RecordRecoveryForm({ disputeId, today }: { disputeId: string; today: string }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const { run, pending, error, fields } = useFormAction(recordRecoveryAction);
  const id = (name: string) => `${name}-${disputeId}`;

  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" className="min-h-9 px-3 py-1.5" onClick={() => (setOpen(true), setDone(false))}>
          {t("disputes.ledger.record")}
        </Button>
        {done ? <FormAlert tone="success" message={t("disputes.ledger.recorded")} /> : null}
      </div>
    );
  }
  return (
    <form
      noValidate
      className="space-y-3 rounded-md border border-slate-200 bg-white p-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        if (await run(new FormData(form))) {
          form.reset();
          setOpen(false);
          setDone(true);
        }
      }}
    >
      <h4 className="text-sm font-semibold text-slate-900">{t("disputes.ledger.recordTitle")}</h4>
      <FormAlert message={error} />
      <input type="hidden" name="disputeId" value={disputeId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={id("amount")} label={t("disputes.ledger.amountYuan")} hint={t("disputes.ledger.amountHint")} error={fields.amountYuan}>
          {(aria) => <TextInput {...aria} name="amountYuan" inputMode="decimal" required autoComplete="off" />}
        </Field>
        <Field id={id("received")} label={t("disputes.ledger.receivedOn")} error={fields.receivedOn}>
          {(aria) => <TextInput {...aria} type="date" name="receivedOn" required max={today} defaultValue={today} />}
        </Field>
        <Field id={id("method")} label={t("disputes.ledger.method")} error={fields.method}>
          {(aria) => (
            <select {...aria} name="method" className={inputClass} defaultValue="negotiation">
              {recoveryMethods.map((m) => (
                <option key={m} value={m}>
                  {t(`enums.recoveryMethod.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field id={id("note")} label={t("disputes.ledger.note")} error={fields.note}>
        {(aria) => <TextInput {...aria} name="note" maxLength={1000} placeholder={t("disputes.ledger.notePlaceholder")} autoComplete="off" />}
      </Field>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" disabled={pending}>
          {pending ? t("disputes.ledger.recording") : t("disputes.ledger.record")}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => setOpen(false)}>
          {t("common.actions.cancel")}
        </Button>
      </div>
    </form>
  );
}
