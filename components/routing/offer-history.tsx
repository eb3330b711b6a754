import { Badge, type BadgeTone } from "@/components/ui/card";
import type { OfferStatus } from "@/lib/enums";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import type { MessageKey } from "@/lib/i18n/keys";
import { hasMessage, type Translate } from "@/lib/i18n/translate";
import type { RequestOfferItem } from "@/lib/routing/queries";
import { reasonText } from "@/lib/routing/reasons";

const tones: Record<OfferStatus, BadgeTone> = {
  pending: "warning",
  accepted: "success",
  declined: "neutral",
  expired: "danger",
  withdrawn: "neutral",
};

/** Who was offered the request, when, why, by whom, and what they answered. */
export function OfferHistory({ offers, t, locale }: { offers: RequestOfferItem[]; t: Translate; locale: Locale }) {
  const declineLabel = (reason: string) => {
    const key = `routing.declineReasons.${reason}`;
    return hasMessage(locale, key) ? t(key as MessageKey) : reason;
  };
  return (
    <section>
      <h3 className="font-semibold text-slate-900">{t("routing.panel.history")}</h3>
      {offers.length ? (
        <ol className="mt-2 space-y-3">
          {offers.map((o) => (
            <li key={o.id} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="offer-history-item">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium text-slate-900">
                  {o.rank ? <span className="mr-1 text-slate-500">#{o.rank}</span> : null}
                  {o.expertName}
                  {o.score !== null ? <span className="ml-2 text-slate-500">{o.score}</span> : null}
                </span>
                <Badge tone={tones[o.status]}>{t(`enums.offerStatus.${o.status}`)}</Badge>
              </div>
              <p className="mt-1 text-xs text-slate-600">
                {o.isManual ? t("routing.panel.manual", { admin: o.offeredByName ?? "" }) : t("routing.panel.automatic")} ·{" "}
                {t("routing.panel.offeredAt", { at: formatDateTime(o.createdAt, locale) })} ·{" "}
                {o.answeredAt
                  ? t("routing.panel.answeredAt", { at: formatDateTime(o.answeredAt, locale) })
                  : t("routing.panel.deadline", { at: formatDateTime(o.expiresAt, locale) })}
              </p>
              {o.declineReason || o.declineNote ? (
                <p className="mt-1 text-slate-800">
                  {o.declineReason === "reassigned"
                    ? t("routing.panel.reassignedAway")
                    : o.declineReason === "taken"
                      ? t("routing.panel.takenByOther")
                      : o.declineReason
                        ? declineLabel(o.declineReason)
                        : t("routing.panel.withdrawnBecause")}
                  {o.declineNote ? <span className="text-slate-600"> · {o.declineNote}</span> : null}
                </p>
              ) : null}
              {o.reasons.length ? <p className="mt-1 text-xs text-slate-500">{o.reasons.map((r) => reasonText(t, locale, r)).join(" · ")}</p> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t("routing.panel.noHistory")}</p>
      )}
    </section>
  );
}
