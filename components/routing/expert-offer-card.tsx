import type { Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { pendingOfferFor } from "@/lib/routing/queries";
import { Countdown } from "./countdown";
import { OfferAnswer } from "./offer-answer";
import type { OfferActions } from "./types";

/** On the request page, the expert's pending offer of this request with its deadline and answers. */
export async function ExpertOfferCard({
  requestId,
  actor,
  t,
  locale,
  actions,
}: {
  requestId: string;
  actor: Actor;
  t: Translate;
  locale: Locale;
  actions: OfferActions;
}) {
  const offer = await pendingOfferFor(actor, requestId);
  if (!offer) return null;
  return (
    <section aria-labelledby={`offer-${offer.id}`} className="rounded-lg border border-amber-300 bg-amber-50 p-4 shadow-sm sm:p-6">
      <h2 id={`offer-${offer.id}`} className="text-lg font-semibold text-amber-950">
        {t("routing.offer.title")}
      </h2>
      <p className="mt-1 text-sm text-amber-900">
        {t("routing.offer.deadline", { at: formatDateTime(offer.expiresAt, locale) })} ·{" "}
        <Countdown deadline={offer.expiresAt.toISOString()} serverNow={offer.asOf} />
      </p>
      <div className="mt-4">
        <OfferAnswer offerId={offer.id} actions={actions} />
      </div>
    </section>
  );
}
