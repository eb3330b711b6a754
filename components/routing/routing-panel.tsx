import { Card } from "@/components/ui/card";
import { can, type Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import type { Translate } from "@/lib/i18n/translate";
import { AdminRouting } from "./admin-routing";
import { ExpertOfferCard } from "./expert-offer-card";
import type { RoutingActions } from "./types";

/**
 * The routing section of a request page: for admins the ranked candidates with their reasons, the
 * excluded with why, the controls (route, pin, skip, withdraw, reassign) and the offer history;
 * for the expert holding a pending offer, the offer with accept and decline. Nothing for others.
 */
export async function RoutingPanel({
  requestId,
  actor,
  t,
  locale,
  actions,
  shown,
}: {
  requestId: string;
  actor: Actor;
  t: Translate;
  locale: Locale;
  actions: RoutingActions;
  /** How many candidates the admin's list shows (the page's `candidates` parameter). */
  shown: number;
}) {
  if (can(actor.role, "routing.candidates")) {
    return (
      <Card title={t("routing.panel.title")}>
        <AdminRouting requestId={requestId} actor={actor} t={t} locale={locale} actions={actions} shown={shown} />
      </Card>
    );
  }
  if (can(actor.role, "offer.answer")) return <ExpertOfferCard requestId={requestId} actor={actor} t={t} locale={locale} actions={actions} />;
  return null;
}
