"use client";

import { markAttendedAction, markNoShowAction, markSessionHeldAction, requestFromBookingAction } from "./actions";
import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { requestCategories } from "@/lib/enums";
import { useT } from "@/lib/i18n/client";

// The station's forms of the day (今日坐诊), one server action each.

/** Staff mark whether the person booked came: attended at once; a no-show after a confirmation. */
export function AttendanceForms({
  bookingId,
  contactName,
  showAttended,
  showNoShow,
}: {
  bookingId: string;
  contactName: string;
  showAttended: boolean;
  showNoShow: boolean;
}) {
  const { t } = useT();
  if (!showAttended && !showNoShow) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {showAttended ? (
        <ActionForm
          action={markAttendedAction}
          hidden={{ bookingId }}
          submitLabel={t("bookings.today.attended")}
          success={t("bookings.today.markedAttended")}
        />
      ) : null}
      {showNoShow ? (
        <ActionForm
          action={markNoShowAction}
          hidden={{ bookingId }}
          variant="secondary"
          submitLabel={t("bookings.today.noShow")}
          confirm={t("bookings.today.noShowConfirm", { name: contactName })}
          success={t("bookings.today.markedNoShow")}
        />
      ) : null}
    </div>
  );
}

/** Staff mark a session with no bookings held (a day of walk-ins), after a confirmation. */
export function MarkHeldForm({ sessionId }: { sessionId: string }) {
  const { t } = useT();
  return (
    <ActionForm
      action={markSessionHeldAction}
      hidden={{ sessionId }}
      variant="secondary"
      submitLabel={t("bookings.today.markHeld")}
      confirm={t("bookings.today.markHeldConfirm")}
      success={t("bookings.today.heldDone")}
    />
  );
}

/** Staff file the consultation as the station's walk-in request; title, category and description may be changed first. */
export function RequestFromBookingForm({ bookingId, topic, description }: { bookingId: string; topic: string; description: string }) {
  const { t } = useT();
  const id = (field: string) => `request-${bookingId}-${field}`;
  return (
    <ActionForm
      action={requestFromBookingAction}
      hidden={{ bookingId }}
      submitLabel={t("bookings.today.fileRequest")}
      success={t("bookings.today.requestFiled")}
    >
      {(fields) => (
        <>
          <p className="text-sm text-slate-600">{t("bookings.today.toRequestHint")}</p>
          <Field id={id("title")} label={t("bookings.today.requestTitle")} error={fields.title}>
            {(aria) => <input {...aria} name="title" maxLength={100} defaultValue={topic.slice(0, 100)} className={inputClass} />}
          </Field>
          <Field id={id("category")} label={t("bookings.today.requestCategory")} error={fields.category}>
            {(aria) => (
              <select {...aria} name="category" defaultValue="consultation" className={inputClass}>
                {requestCategories.map((category) => (
                  <option key={category} value={category}>
                    {t(`enums.requestCategory.${category}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={id("description")} label={t("bookings.today.requestDescription")} error={fields.description}>
            {(aria) => (
              <textarea {...aria} name="description" rows={3} maxLength={5000} defaultValue={description} className={`${inputClass} min-h-20`} />
            )}
          </Field>
        </>
      )}
    </ActionForm>
  );
}
