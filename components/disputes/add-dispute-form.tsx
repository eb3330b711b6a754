"use client";

import { Field, inputClass, TextInput } from "@/components/ui/field";
import { disputeKinds } from "@/lib/enums";
import { useT } from "@/lib/i18n/client";
import { useDisputeActions } from "./actions-context";
import { OpeningForm } from "./opening-form";

/** "Add a dispute": counterparty, kind and the amount claimed, typed in yuan. */
export function AddDisputeForm({ requestId }: { requestId: string }) {
  const { t } = useT();
  const { createDispute } = useDisputeActions();
  return (
    <OpeningForm
      action={createDispute}
      openLabel={t("disputes.add.open")}
      doneMessage={t("disputes.add.done")}
      title={<h3 className="font-medium text-slate-900">{t("disputes.add.title")}</h3>}
      submitLabel={t("disputes.add.submit")}
      submittingLabel={t("disputes.add.submitting")}
    >
      {(fields) => (
        <>
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
        </>
      )}
    </OpeningForm>
  );
}
