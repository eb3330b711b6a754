"use client";

import { useId } from "react";
import { Field, inputClass, TextInput } from "@/components/ui/field";
import { disputeKinds } from "@/lib/enums";
import { useT } from "@/lib/i18n/client";
import { useDisputeActions } from "./actions-context";
import { OpeningForm } from "./opening-form";
import type { BoardData } from "./types";

/**
 * "Add a dispute": counterparty (the request's counterparties are offered, any other may be
 * typed), kind and the amount claimed, typed in yuan.
 */
export function AddDisputeForm({ requestId, counterparties }: { requestId: string; counterparties: BoardData["counterparties"] }) {
  const { t } = useT();
  const { createDispute } = useDisputeActions();
  const id = useId();
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
          <datalist id={`${id}-counterparties`}>
            {counterparties.map((c, i) => (
              <option key={i} value={c.name} />
            ))}
          </datalist>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field
              id={`${id}-counterparty`}
              label={t("disputes.add.counterpartyName")}
              hint={counterparties.length ? t("disputes.add.counterpartyHint") : undefined}
              error={fields.counterpartyName}
            >
              {(aria) => (
                <TextInput
                  {...aria}
                  name="counterpartyName"
                  list={`${id}-counterparties`}
                  required
                  maxLength={200}
                  autoComplete="off"
                  onChange={(e) => {
                    // a counterparty named in the request brings its credit code along
                    const code = counterparties.find((c) => c.name === e.target.value.trim())?.creditCode;
                    const codeInput = e.target.form?.elements.namedItem("counterpartyCreditCode");
                    if (code && codeInput instanceof HTMLInputElement && !codeInput.value) codeInput.value = code;
                  }}
                />
              )}
            </Field>
            <Field id={`${id}-credit-code`} label={t("disputes.add.counterpartyCreditCode")} error={fields.counterpartyCreditCode}>
              {(aria) => <TextInput {...aria} name="counterpartyCreditCode" autoCapitalize="characters" spellCheck={false} autoComplete="off" />}
            </Field>
            <Field id={`${id}-kind`} label={t("disputes.add.kind")} error={fields.kind}>
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
            <Field id={`${id}-claimed`} label={t("disputes.add.claimedYuan")} hint={t("disputes.add.claimedHint")} error={fields.claimedYuan}>
              {(aria) => <TextInput {...aria} name="claimedYuan" inputMode="decimal" required autoComplete="off" />}
            </Field>
          </div>
        </>
      )}
    </OpeningForm>
  );
}
