"use client";

import { bookAction } from "./actions";
import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { TOPIC_MAX } from "@/lib/duty/bookings/fields";
import { useT } from "@/lib/i18n/client";

/** Books one place of a duty session: the question, and whom to call. */
export function BookForm({
  sessionId,
  contactName = "",
  submitLabel,
  success,
}: {
  sessionId: string;
  /** The signed-in person's name, for a company member booking for themself. */
  contactName?: string;
  submitLabel?: string;
  success?: string;
}) {
  const { t } = useT();
  const id = (field: string) => `book-${sessionId}-${field}`;
  return (
    <ActionForm
      action={bookAction}
      schema={() => import("@/lib/duty/bookings/schemas").then((m) => m.bookFormSchema)}
      hidden={{ sessionId }}
      submitLabel={submitLabel ?? t("bookings.station.bookSubmit")}
      success={success ?? t("bookings.station.booked")}
    >
      {(fields) => (
        <>
          <Field id={id("topic")} label={t("bookings.fields.topic")} hint={t("bookings.fields.topicHint")} error={fields.topic}>
            {(aria) => <textarea {...aria} name="topic" rows={2} maxLength={TOPIC_MAX} className={`${inputClass} min-h-16`} />}
          </Field>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id={id("contactName")} label={t("bookings.fields.contactName")} error={fields.contactName}>
              {(aria) => <input {...aria} name="contactName" autoComplete="name" maxLength={50} defaultValue={contactName} className={inputClass} />}
            </Field>
            <Field id={id("contactPhone")} label={t("bookings.fields.contactPhone")} error={fields.contactPhone}>
              {(aria) => <input {...aria} name="contactPhone" type="tel" inputMode="tel" autoComplete="tel" maxLength={20} className={inputClass} />}
            </Field>
          </div>
          <p className="text-xs text-slate-500">{t("bookings.fields.contactPhoneHint")}</p>
        </>
      )}
    </ActionForm>
  );
}
