import { Badge, type BadgeTone } from "@/components/ui/card";
import type { DisputeStatus } from "@/lib/enums";
import type { Translate } from "@/lib/i18n/translate";

const tone: Record<DisputeStatus, BadgeTone> = {
  open: "info",
  negotiating: "warning",
  mediating: "warning",
  litigating: "warning",
  arbitrating: "warning",
  enforcing: "warning",
  resolved: "success",
  unresolved: "danger",
  withdrawn: "neutral",
};

export function DisputeStatusBadge({ status, t }: { status: DisputeStatus; t: Translate }) {
  return <Badge tone={tone[status]}>{t(`enums.disputeStatus.${status}`)}</Badge>;
}
