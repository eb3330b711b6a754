import type { RequestStatus } from "@/lib/enums";
import { Badge, type BadgeTone } from "@/components/ui/card";
import type { Translate } from "@/lib/i18n/translate";

const tone: Record<RequestStatus, BadgeTone> = {
  submitted: "info",
  returned: "warning",
  rejected: "danger",
  triaged: "info",
  offered: "warning",
  accepted: "success",
  in_progress: "success",
  resolved: "success",
  closed: "neutral",
  withdrawn: "neutral",
};

export function RequestStatusBadge({ status, t }: { status: RequestStatus; t: Translate }) {
  return <Badge tone={tone[status]}>{t(`enums.requestStatus.${status}`)}</Badge>;
}
