import { Badge, type BadgeTone } from "@/components/ui/card";
import type { BookingStatus } from "@/lib/enums";
import type { Translate } from "@/lib/i18n/translate";

const tones: Record<BookingStatus, BadgeTone> = { booked: "info", attended: "success", no_show: "warning", cancelled: "neutral" };

export function BookingStatusBadge({ status, t }: { status: BookingStatus; t: Translate }) {
  return <Badge tone={tones[status]}>{t(`bookings.status.${status}`)}</Badge>;
}
