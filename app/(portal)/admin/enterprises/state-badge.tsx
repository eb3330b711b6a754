import { Badge, type BadgeTone } from "@/components/ui/card";
import type { CompanyState } from "@/lib/companies/queries";
import type { Translate } from "@/lib/i18n/translate";

const tones: Record<CompanyState, BadgeTone> = { pending: "warning", verified: "success", refused: "danger", unchecked: "neutral" };

/** Where a company's verification stands, in words and colour. */
export function StateBadge({ state, t }: { state: CompanyState; t: Translate }) {
  return <Badge tone={tones[state]}>{t(`companies.admin.states.${state}`)}</Badge>;
}
