"use client";

import { Field, inputClass, TextInput } from "@/components/ui/field";
import { recoveryMethods } from "@/lib/enums";
import { useT } from "@/lib/i18n/client";
import { useDisputeActions } from "./actions-context";
import { OpeningForm } from "./opening-form";

/**
 * "Record money received" for one dispute: amount typed in yuan (parsed as text), date, method,
 * evidence. When the server says the amount is above what is outstanding, a checkbox lets the
 * recorder confirm it and submit again.
 */
export function RecordRecoveryForm({ disputeId, today }: { disputeId: string; today: string }) {
  const { t } = useT();
  const { recordRecovery } = useDisputeActions();
  const id = (name: string) => `${name}-${disputeId}`;
  return (
    <OpeningForm
      action={recordRecovery}
      openLabel={t("disputes.ledger.record")}
      doneMessage={t("disputes.ledger.recorded")}
      title={<h4 className="text-sm font-semibold text-slate-900">{t("disputes.ledger.recordTitle")}</h4>}
      submitLabel={t("disputes.ledger.record")}
      submittingLabel={t("disputes.ledger.recording")}
      compact
    >
      {(fields) => (
        <>
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
          {fields.amountYuan === t("disputes.errors.overClaim") && (
            <label className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="confirmOverClaim" value="true" className="h-4 w-4" />
              {t("disputes.ledger.confirmOverClaim")}
            </label>
          )}
          <Field id={id("note")} label={t("disputes.ledger.note")} error={fields.note}>
            {(aria) => <TextInput {...aria} name="note" maxLength={1000} placeholder={t("disputes.ledger.notePlaceholder")} autoComplete="off" />}
          </Field>
        </>
      )}
    </OpeningForm>
  );
}
