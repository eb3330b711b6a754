"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClass } from "@/components/ui/field";
import { formDataOf, useServerAction } from "@/components/ui/use-server-action";
import { declineReasons } from "@/lib/enums";
import { useT } from "@/lib/i18n/client";
import type { OfferActions } from "./types";

/** Accept in one tap (then on to the case, which says so), or decline with a reason from the list (and a note) in one step. */
export function OfferAnswer({ offerId, actions }: { offerId: string; actions: OfferActions }) {
  const { t } = useT();
  const router = useRouter();
  const [declining, setDeclining] = useState(false);
  const accepting = useServerAction(actions.acceptOffer, {
    leavesPage: true,
    onSuccess: (data) => {
      const { requestId } = data as { requestId?: string };
      if (requestId) router.push(`/requests/${requestId}?accepted=1`);
      else router.refresh();
    },
  });
  const declined = useServerAction(actions.declineOffer, {
    successMessage: () => t("routing.offer.declined"),
    onSuccess: () => setDeclining(false),
  });
  const pending = accepting.pending || declined.pending;
  const message = declined.message ?? accepting.message;
  const fields = declined.fields;

  const id = (name: string) => `${name}-${offerId}`;
  return (
    <div className="space-y-3">
      <FormAlert message={message?.text} tone={message?.tone} />
      {message?.tone === "success" ? null : declining ? (
        <form
          onSubmit={declined.submitWith((form) => {
            form.set("offerId", offerId);
            return form;
          })}
          className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
          noValidate
        >
          <p className="font-medium text-slate-900">{t("routing.offer.declineTitle")}</p>
          <Field id={id("reason")} label={t("routing.offer.declineReason")} error={fields.reason}>
            {(aria) => (
              <select {...aria} name="reason" className={inputClass} defaultValue="" required>
                <option value="" disabled>
                  —
                </option>
                {declineReasons.map((r) => (
                  <option key={r} value={r}>
                    {t(`routing.declineReasons.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={id("note")} label={t("routing.offer.declineNote")} hint={t("routing.offer.declineNoteHint")} error={fields.note}>
            {(aria) => <textarea {...aria} name="note" rows={2} maxLength={1000} className={inputClass} />}
          </Field>
          <div className="flex flex-col gap-2 sm:flex-row">
            <Button type="submit" variant="danger" disabled={pending} className="w-full sm:w-auto">
              {pending ? t("routing.panel.working") : t("routing.offer.confirmDecline")}
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setDeclining(false)} className="w-full sm:w-auto">
              {t("routing.panel.cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-col gap-2 sm:flex-row">
          <Button type="button" onClick={() => void accepting.run(formDataOf({ offerId }))} disabled={pending} className="w-full sm:w-auto">
            {pending ? t("routing.panel.working") : t("routing.offer.accept")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setDeclining(true)} disabled={pending} className="w-full sm:w-auto">
            {t("routing.offer.decline")}
          </Button>
        </div>
      )}
    </div>
  );
}
