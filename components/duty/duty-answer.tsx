"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClass } from "@/components/ui/field";
import { formDataOf, useServerAction } from "@/components/ui/use-server-action";
import type { ActionResult } from "@/lib/http/server-action";
import { useT } from "@/lib/i18n/client";

export interface DutyAnswerActions {
  confirm: (form: FormData) => Promise<ActionResult<unknown>>;
  decline: (form: FormData) => Promise<ActionResult<unknown>>;
}

/** Confirm in one tap, or decline with a reason (required: the planner reads it), thumb-sized on a phone. */
export function DutyAnswer({ sessionId, actions }: { sessionId: string; actions: DutyAnswerActions }) {
  const { t } = useT();
  const [declining, setDeclining] = useState(false);
  const confirming = useServerAction(actions.confirm, { successMessage: () => t("rota.duty.confirmed") });
  const declined = useServerAction(actions.decline, {
    schema: () => import("@/lib/duty/schemas").then((m) => m.declineDutySchema),
    successMessage: () => t("rota.duty.declined"),
    onSuccess: () => setDeclining(false),
  });
  const pending = confirming.pending || declined.pending;
  const message = declined.message ?? confirming.message;
  const id = `decline-${sessionId}-reason`;

  return (
    <div className="space-y-3">
      <FormAlert message={message?.text} tone={message?.tone} />
      {message?.tone === "success" ? null : declining ? (
        <form
          noValidate
          className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
          onSubmit={declined.submitWith((form) => {
            form.set("sessionId", sessionId);
            return form;
          })}
        >
          <p className="font-medium text-slate-900">{t("rota.duty.declineTitle")}</p>
          <Field id={id} label={t("rota.duty.declineReason")} hint={t("rota.duty.declineHint")} error={declined.fields.reason}>
            {(aria) => <textarea {...aria} name="reason" rows={3} maxLength={500} className={inputClass} />}
          </Field>
          <div className="flex flex-col gap-2 sm:flex-row">
            <Button type="submit" variant="danger" disabled={pending} className="w-full sm:w-auto">
              {pending ? t("rota.duty.working") : t("rota.duty.confirmDecline")}
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setDeclining(false)} className="w-full sm:w-auto">
              {t("rota.duty.back")}
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-col gap-2 sm:flex-row">
          <Button type="button" disabled={pending} onClick={() => void confirming.run(formDataOf({ sessionId }))} className="w-full sm:w-auto">
            {pending ? t("rota.duty.working") : t("rota.duty.confirm")}
          </Button>
          <Button type="button" variant="secondary" disabled={pending} onClick={() => setDeclining(true)} className="w-full sm:w-auto">
            {t("rota.duty.decline")}
          </Button>
        </div>
      )}
    </div>
  );
}
