"use client";

import { cancelBookingAction } from "./actions";
import { ActionForm } from "@/components/ui/action-form";
import { useT } from "@/lib/i18n/client";

/** The booker (or the station's staff) cancels a booking, after a confirmation. */
export function CancelBookingForm({ bookingId, question }: { bookingId: string; question: string }) {
  const { t } = useT();
  return (
    <ActionForm
      action={cancelBookingAction}
      hidden={{ bookingId }}
      variant="secondary"
      submitLabel={t("bookings.mine.cancel")}
      confirm={question}
      success={t("bookings.mine.cancelled")}
    />
  );
}
