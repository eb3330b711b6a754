"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClass } from "@/components/ui/field";
import { formDataOf, useServerAction } from "@/components/ui/use-server-action";
import type { LedgerRow } from "@/lib/disputes/queries";
import { useT } from "@/lib/i18n/client";
import { formatFen } from "@/lib/money";
import { useDisputeActions } from "./actions-context";

const small = "min-h-8 px-3 py-1 text-xs";

/** Reversing an entry: asks for the reason and a confirmation first (the reversal is permanent). */
export function ReverseEntry({ entry }: { entry: LedgerRow }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const { submitWith, pending, message, fields } = useServerAction(useDisputeActions().reverseRecovery, { onSuccess: () => setOpen(false) });
  if (!open) {
    return (
      <Button type="button" variant="secondary" className={small} onClick={() => setOpen(true)}>
        {t("disputes.ledger.reverse")}
      </Button>
    );
  }
  return (
    <form
      noValidate
      className="w-full space-y-2 rounded-md border border-red-200 bg-red-50 p-3"
      onSubmit={submitWith((form) => {
        form.set("recoveryId", entry.id);
        return form;
      })}
    >
      <p className="text-sm font-medium text-red-900">{t("disputes.ledger.reverseTitle")}</p>
      <p className="text-sm text-red-900">{t("disputes.ledger.reverseConfirm", { amount: formatFen(-entry.amountFen) })}</p>
      <FormAlert message={message?.text} tone={message?.tone} />
      <Field id={`reverse-reason-${entry.id}`} label={t("disputes.ledger.reason")} error={fields.reason}>
        {(aria) => <textarea {...aria} name="reason" rows={2} maxLength={500} required className={inputClass} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? t("disputes.ledger.reversing") : t("disputes.ledger.reverseSubmit")}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => setOpen(false)}>
          {t("common.actions.cancel")}
        </Button>
      </div>
    </form>
  );
}

/** The company's answer to an entry: confirm it in one click, or query it with a note. */
export function RespondToEntry({ entry }: { entry: LedgerRow }) {
  const { t } = useT();
  const [querying, setQuerying] = useState(false);
  const { run, submitWith, pending, message, fields } = useServerAction(useDisputeActions().respondRecovery, {
    onSuccess: () => setQuerying(false),
  });
  return (
    <div className="w-full space-y-2">
      <FormAlert message={message?.text} tone={message?.tone} />
      {querying ? (
        <form
          noValidate
          className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3"
          onSubmit={submitWith((form) => {
            form.set("recoveryId", entry.id);
            form.set("response", "queried");
            return form;
          })}
        >
          <Field id={`query-note-${entry.id}`} label={t("disputes.response.note")} error={fields.note}>
            {(aria) => (
              <textarea
                {...aria}
                name="note"
                rows={2}
                maxLength={1000}
                required
                placeholder={t("disputes.response.notePlaceholder")}
                className={inputClass}
              />
            )}
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" className={small} disabled={pending}>
              {t("disputes.response.submit")}
            </Button>
            <Button type="button" variant="secondary" className={small} disabled={pending} onClick={() => setQuerying(false)}>
              {t("common.actions.cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap justify-end gap-2">
          {entry.enterpriseResponse !== "confirmed" ? (
            <Button
              type="button"
              className={small}
              disabled={pending}
              onClick={() => void run(formDataOf({ recoveryId: entry.id, response: "confirmed" }))}
            >
              {t("disputes.response.confirm")}
            </Button>
          ) : null}
          <Button type="button" variant="secondary" className={small} disabled={pending} onClick={() => setQuerying(true)}>
            {t("disputes.response.query")}
          </Button>
        </div>
      )}
    </div>
  );
}
