import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RequestFilters } from "@/components/requests/request-filters";
import { Countdown } from "@/components/routing/countdown";
import { OfferAnswer } from "@/components/routing/offer-answer";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { offerStatuses, type OfferStatus } from "@/lib/enums";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import type { MessageKey } from "@/lib/i18n/keys";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { hasMessage, type Translate } from "@/lib/i18n/translate";
import { formatFen } from "@/lib/money";
import { listOffersForExpert, type ExpertOfferItem } from "@/lib/routing/queries";
import { offerListQuery } from "@/lib/routing/schemas";
import { acceptOfferAction, declineOfferAction } from "./actions";

export const dynamic = "force-dynamic";

const offerActions = { acceptOffer: acceptOfferAction, declineOffer: declineOfferAction };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("routing.offers.title") };
}

const statusTones = { pending: "warning", accepted: "success", declined: "neutral", expired: "danger", withdrawn: "neutral" } as const;

function PartyName({ name, creditCode, conflict, t }: { name: string; creditCode: string | null; conflict: boolean; t: Translate }) {
  return (
    <span className={conflict ? "font-medium text-red-800" : "text-slate-800"}>
      {name}
      {creditCode ? <span className="ml-2 font-mono text-xs text-slate-500">{creditCode}</span> : null}
      {conflict ? (
        <span className="ml-2">
          <Badge tone="danger">{t("routing.offers.declaredConflict")}</Badge>
        </span>
      ) : null}
    </span>
  );
}

/** A pending offer in full: parties first, then the essentials, then accept or decline. */
function PendingOfferCard({ offer, t, locale, now }: { offer: ExpertOfferItem; t: Translate; locale: Locale; now: number }) {
  const label = (prefix: string, code: string | null) =>
    code && hasMessage(locale, `${prefix}.${code}`) ? t(`${prefix}.${code}` as MessageKey) : null;
  const preferences = [label("enums.language", offer.language), label("enums.serviceMode", offer.serviceMode)].filter(Boolean).join(" · ");
  return (
    <li className="rounded-lg border border-amber-300 bg-white p-4 shadow-sm sm:p-5" data-testid="offer-card">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-900">
          <span className="block font-mono text-xs font-normal text-slate-500">{offer.caseNumber}</span>
          {offer.title}
        </h2>
        <div className="flex gap-1.5">
          {offer.urgency === "urgent" ? <Badge tone="danger">{t("routing.offers.urgent")}</Badge> : null}
          <Badge tone={statusTones[offer.status]}>{t(`enums.offerStatus.${offer.status}`)}</Badge>
        </div>
      </div>
      <p className="mt-1 text-sm text-slate-600">
        {t("routing.offer.deadline", { at: formatDateTime(offer.expiresAt, locale) })} ·{" "}
        <Countdown deadline={offer.expiresAt.toISOString()} serverNow={now} />
      </p>
      <div className="mt-3 grid gap-3 text-sm md:grid-cols-2">
        <dl className="rounded-md bg-slate-50 p-3">
          <dt className="font-medium text-slate-900">{t("routing.offers.counterparties")}</dt>
          <dd>
            {offer.counterparties.length ? (
              <ul className="mt-1 space-y-0.5">
                {offer.counterparties.map((p) => (
                  <li key={`${p.name}-${p.creditCode ?? ""}`}>
                    <PartyName name={p.name} creditCode={p.creditCode} conflict={p.declaredConflict} t={t} />
                  </li>
                ))}
              </ul>
            ) : (
              <span className="text-slate-500">{t("routing.offers.noCounterparties")}</span>
            )}
          </dd>
          <dt className="mt-2 font-medium text-slate-900">{t("routing.offers.company")}</dt>
          <dd>
            <PartyName name={offer.enterpriseName} creditCode={offer.enterpriseCreditCode} conflict={offer.enterpriseConflict} t={t} />
          </dd>
        </dl>
        <dl className="grid grid-cols-[auto_1fr] content-start gap-x-3 gap-y-1">
          <dt className="text-slate-500">{t("routing.offers.category")}</dt>
          <dd>{t(`enums.requestCategory.${offer.category}`)}</dd>
          <dt className="text-slate-500">{t("routing.offers.region")}</dt>
          <dd>{(locale === "en" ? offer.regionNameEn : offer.regionNameZh) ?? offer.regionCode}</dd>
          <dt className="text-slate-500">{t("routing.offers.amount")}</dt>
          <dd className="tabular-nums">{formatFen(offer.amountAtStakeFen)}</dd>
          {preferences ? (
            <>
              <dt className="text-slate-500">{t("routing.offers.preferences")}</dt>
              <dd>{preferences}</dd>
            </>
          ) : null}
        </dl>
      </div>
      <div className="mt-3 text-sm">
        <p className="text-slate-500">{t("routing.offers.description")}</p>
        <p className="line-clamp-4 whitespace-pre-line text-slate-800">{offer.description}</p>
        <p className="mt-2 text-xs text-slate-500">{t("routing.offers.attachmentsHidden")}</p>
      </div>
      <div className="mt-4">
        <OfferAnswer offerId={offer.id} actions={offerActions} />
      </div>
    </li>
  );
}

/** An answered (or lapsed, or withdrawn) offer, in one compact row. */
function AnsweredOfferRow({ offer, t, locale }: { offer: ExpertOfferItem; t: Translate; locale: Locale }) {
  return (
    <li className="flex flex-col gap-1 py-3 text-sm sm:flex-row sm:items-center sm:justify-between" data-testid="offer-row">
      <div className="min-w-0">
        <p className="font-medium text-slate-900">
          <span className="mr-2 font-mono text-xs font-normal text-slate-500">{offer.caseNumber}</span>
          {offer.status === "accepted" ? (
            <Link href={`/requests/${offer.requestId}`} className="text-brand-700 underline-offset-2 hover:underline">
              {offer.title}
            </Link>
          ) : (
            offer.title
          )}
        </p>
        <p className="truncate text-slate-600">
          {offer.enterpriseName} · {t(`enums.requestCategory.${offer.category}`)} · {formatFen(offer.amountAtStakeFen)}
        </p>
        {offer.status === "withdrawn" && offer.declineReason === "taken" ? (
          <p className="text-xs text-slate-500">{t("routing.panel.takenByOther")}</p>
        ) : null}
      </div>
      <div className="flex shrink-0 items-center gap-2 text-xs text-slate-500">
        {offer.answeredAt
          ? t("routing.offers.answeredAt", { at: formatDateTime(offer.answeredAt, locale) })
          : formatDateTime(offer.expiresAt, locale)}
        <Badge tone={statusTones[offer.status]}>{t(`enums.offerStatus.${offer.status}`)}</Badge>
      </div>
    </li>
  );
}

/** The expert's offers: pending ones first with the deadline counting down, then the answered. */
async function OffersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getT()]);
  if (!can(actor.role, "offer.list")) notFound();
  const parsed = offerListQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : { page: 1, pageSize: 20, status: undefined, q: undefined };
  const result = await listOffersForExpert(actor, { ...query, pageSize: 10 });
  // an offer of a request withdrawn meanwhile is shown as answered, without buttons
  const isOpen = (o: ExpertOfferItem) => o.status === "pending" && o.requestStatus === "offered";
  const pending = result.items.filter(isOpen);
  const answered = result.items.filter((o) => !isOpen(o));
  const tab = (status: OfferStatus | undefined, label: string) => {
    const active = query.status === status;
    return (
      <Link
        key={status ?? "all"}
        href={status ? `/offers?status=${status}` : "/offers"}
        aria-current={active ? "page" : undefined}
        className={`rounded-full px-3 py-1.5 text-sm ${active ? "bg-brand-700 text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
      >
        {label}
      </Link>
    );
  };
  return (
    <div className="space-y-4">
      <PageTitle subtitle={t("routing.offers.subtitle")}>{t("routing.offers.title")}</PageTitle>
      <nav aria-label={t("routing.offers.filterLabel")} className="flex flex-wrap gap-2">
        {tab(undefined, t("routing.offers.filterAll"))}
        {offerStatuses.map((s) => tab(s, t(`enums.offerStatus.${s}`)))}
      </nav>
      <RequestFilters basePath="/offers" show={["q"]} values={{ q: query.q }} keep={{ status: query.status }} t={t} />
      {result.items.length ? (
        <>
          {pending.length ? (
            <ul className="space-y-4">
              {pending.map((offer) => (
                <PendingOfferCard key={offer.id} offer={offer} t={t} locale={locale} now={result.asOf} />
              ))}
            </ul>
          ) : null}
          {answered.length ? (
            <Card>
              <ul className="divide-y divide-slate-100">
                {answered.map((offer) => (
                  <AnsweredOfferRow key={offer.id} offer={offer} t={t} locale={locale} />
                ))}
              </ul>
            </Card>
          ) : null}
        </>
      ) : (
        <EmptyState>{query.q ? t("requests.list.emptyFiltered") : t("routing.offers.empty")}</EmptyState>
      )}
      <Pagination list={result} basePath="/offers" query={{ status: query.status, q: query.q }} t={t} />
    </div>
  );
}

export default withClientMessages(["errors", "routing"], OffersPage);
