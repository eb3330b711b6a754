"use client";

import { recordAdviceAction } from "./actions";
import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { ADVICE_MAX } from "@/lib/duty/bookings/fields";
import { useT } from "@/lib/i18n/client";

/** The session's expert notes the advice given to one visitor (a later note replaces it). */
export function AdviceForm({ bookingId, note }: { bookingId: string; note: string | null }) {
  const { t } = useT();
  const id = `advice-${bookingId}`;
  return (
    <ActionForm
      action={recordAdviceAction}
      schema={() => import("@/lib/duty/bookings/schemas").then((m) => m.adviceFormSchema)}
      hidden={{ bookingId }}
      variant="secondary"
      submitLabel={t("bookings.consultations.saveAdvice")}
      success={t("bookings.consultations.adviceSaved")}
    >
      {(fields) => (
        <Field id={id} label={t("bookings.consultations.advice")} hint={t("bookings.consultations.adviceHint")} error={fields.note}>
          {(aria) => (
            <textarea {...aria} name="note" rows={3} maxLength={ADVICE_MAX} defaultValue={note ?? ""} className={`${inputClass} min-h-20`} />
          )}
        </Field>
      )}
    </ActionForm>
  );
}
