"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { acceptOfferAction, declineOfferAction } from "@/app/(portal)/offers/actions";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClass } from "@/components/ui/field";
import { useT } from "@/lib/i18n/client";
import { declineReasons } from "@/lib/routing/schemas";

/** Accept in one tap, or decline with a reason from the list (and a note) in one step. */
export function OfferAnswer({ offerId }: { offerId: string }) {
  const { t } = useT();
  const router = useRouter();
  const [declining, setDeclining] = useState(false);
  const [pending, setPending] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);

  async function accept() {
    setPending(true);
    setMessage(null);
    const result = await acceptOfferAction({ offerId });
    setPending(false);
    if (!result.ok) return setMessage({ text: result.message, tone: "error" });
    setMessage({ text: t("routing.offer.accepted"), tone: "success" });
    router.refresh();
  }

  async function decline(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    const result = await declineOfferAction({ offerId, reason: String(form.get("reason") ?? ""), note: String(form.get("note") ?? "") } as never);
    setPending(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      return setMessage({ text: result.message, tone: "error" });
    }
    setFields({});
    setDeclining(false);
    setMessage({ text: t("routing.offer.declined"), tone: "success" });
    router.refresh();
  }

  const id = (name: string) => `${name}-${offerId}`;
  return (
    <div className="space-y-3">
      <FormAlert message={message?.text} tone={message?.tone} />
      {message?.tone === "success" ? null : declining ? (
        <form onSubmit={decline} className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3" noValidate>
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
          <Button type="button" onClick={accept} disabled={pending} className="w-full sm:w-auto">
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
