import { Badge, type BadgeTone } from "@/components/ui/card";
import type { Translate } from "@/lib/i18n/translate";
import type { Standing } from "@/lib/roster/standing";

const tone: Record<Standing, BadgeTone> = {
  pending: "info",
  active: "success",
  paused: "warning",
  expired: "neutral",
  notStarted: "info",
  suspended: "danger",
  retired: "neutral",
  rejected: "neutral",
};

export function StandingBadge({ standing, t }: { standing: Standing; t: Translate }) {
  return <Badge tone={tone[standing]}>{t(`roster.standing.${standing}`)}</Badge>;
}
