import { Badge, type BadgeTone } from "@/components/ui/card";
import type { CompanyVisitStatus } from "@/lib/enums";
import type { Translate } from "@/lib/i18n/translate";

const tone: Record<CompanyVisitStatus, BadgeTone> = {
  proposed: "warning",
  confirmed: "info",
  declined: "danger",
  done: "success",
  cancelled: "neutral",
};

export function VisitStatusBadge({ status, t }: { status: CompanyVisitStatus; t: Translate }) {
  return <Badge tone={tone[status]}>{t(`visits.statuses.${status}`)}</Badge>;
}
