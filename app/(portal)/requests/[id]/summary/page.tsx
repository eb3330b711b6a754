import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PrintButton } from "@/components/disputes/print-button";
import { eventLabel } from "@/components/requests/timeline";
import { buttonClass } from "@/components/ui/button";
import { requireActor } from "@/lib/auth/current";
import type { Actor } from "@/lib/authz";
import { getRequestDisputes, getRequestLedger } from "@/lib/disputes/queries";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { formatFen } from "@/lib/money";
import { getRequestDetail } from "@/lib/requests/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** The summary's data, for the parties of the case only (others get the 404 page). */
const load = cache(async (actor: Actor, id: string) => {
  try {
    const [request, disputes, ledger] = await Promise.all([getRequestDetail(actor, id), getRequestDisputes(actor, id), getRequestLedger(actor, id)]);
    return { request, disputes, ledger };
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ t }, actor, { id }] = await Promise.all([getT(), requireActor(), params]);
  const { request } = await load(actor, id);
  return { title: `${t("disputes.summary.title")} · ${request.title}` };
}

const printCss = `@page { size: A4; margin: 14mm 12mm; }
@media print {
  .case-summary { font-size: 10.5pt; }
  .case-summary table { page-break-inside: auto; }
  .case-summary tr, .case-summary li { page-break-inside: avoid; }
  .case-summary section { break-inside: avoid-page; }
  main { padding: 0 !important; max-width: none !important; }
}`;

/** A one-document record of a case for the file and for the company, laid out to print on A4. */
export default async function CaseSummaryPage({ params }: Props) {
  const [{ t, locale }, actor, { id }] = await Promise.all([getT(), requireActor(), params]);
  const { request, disputes, ledger } = await load(actor, id);
  const counterparty = new Map(disputes.disputes.map((d) => [d.id, d.counterpartyName]));
  const fact = (label: string, value: string | null | undefined) => (
    <div className="flex gap-2 border-b border-slate-100 py-1 print:py-0.5">
      <dt className="w-24 shrink-0 text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">{value || "—"}</dd>
    </div>
  );
  const section = "mt-6 print:mt-4";
  const heading = "mb-2 border-b-2 border-slate-800 pb-1 text-base font-bold text-slate-900";
  const th = "border-b border-slate-400 py-1 pr-2 text-left font-semibold";
  const td = "border-b border-slate-200 py-1 pr-2 align-top";

  return (
    <article className="case-summary mx-auto max-w-4xl rounded-lg bg-white p-4 shadow-sm sm:p-8 print:max-w-none print:rounded-none print:p-0 print:shadow-none">
      <style>{printCss}</style>
      <div className="no-print mb-6 flex flex-wrap items-center justify-between gap-2">
        <Link href={`/requests/${request.id}`} className={buttonClass("secondary")}>
          {t("disputes.summary.back")}
        </Link>
        <PrintButton label={t("disputes.summary.print")} />
      </div>
      <header className="border-b-4 border-brand-900 pb-3">
        <p className="text-sm text-slate-600">
          {t("common.societyName")} · {t("common.appName")}
        </p>
        <h1 className="mt-1 text-2xl font-bold text-slate-900">{t("disputes.summary.title")}</h1>
        <p className="mt-1 text-lg text-slate-800">{request.title}</p>
        <p className="mt-1 font-mono text-sm text-slate-700">{t("requests.detail.caseNumber", { caseNumber: request.caseNumber })}</p>
        <p className="mt-1 text-xs text-slate-500">{t("disputes.summary.generatedAt", { time: formatDateTime(new Date(), locale) })}</p>
      </header>

      <dl className="mt-4 grid gap-x-8 text-sm sm:grid-cols-2 print:grid-cols-2">
        {fact(t("disputes.summary.enterprise"), request.enterpriseName)}
        {fact(t("disputes.summary.category"), t(`enums.requestCategory.${request.category}`))}
        {fact(t("disputes.summary.status"), t(`enums.requestStatus.${request.status}`))}
        {fact(t("disputes.summary.region"), locale === "en" ? request.regionNameEn : request.regionName)}
        {fact(t("disputes.summary.channel"), t(`enums.channel.${request.channel}`))}
        {fact(t("disputes.summary.expert"), request.assignedExpertName)}
        {fact(t("disputes.summary.submittedAt"), formatDateTime(request.submittedAt, locale))}
        {fact(t("disputes.summary.acceptedAt"), request.acceptedAt ? formatDateTime(request.acceptedAt, locale) : null)}
        {fact(t("disputes.summary.resolvedAt"), request.resolvedAt ? formatDateTime(request.resolvedAt, locale) : null)}
        {fact(t("disputes.summary.amountAtStake"), formatFen(request.amountAtStakeFen))}
      </dl>

      <section className={section}>
        <h2 className={heading}>{t("disputes.summary.disputes")}</h2>
        {disputes.disputes.length ? (
          <div className="overflow-x-auto print:overflow-visible">
            <table className="w-full text-sm">
              <thead>
                <tr>
                  <th className={th}>{t("disputes.columns.counterparty")}</th>
                  <th className={th}>{t("disputes.columns.kind")}</th>
                  <th className={th}>{t("disputes.columns.status")}</th>
                  <th className={`${th} text-right`}>{t("disputes.columns.claimed")}</th>
                  <th className={`${th} text-right`}>{t("disputes.columns.recovered")}</th>
                </tr>
              </thead>
              <tbody>
                {disputes.disputes.map((d) => (
                  <tr key={d.id}>
                    <td className={td}>{d.counterpartyName}</td>
                    <td className={td}>{t(`enums.disputeKind.${d.kind}`)}</td>
                    <td className={td}>
                      {t(`enums.disputeStatus.${d.status}`)}
                      {d.closedAt ? <span className="block text-xs text-slate-500">{formatDate(d.closedAt, locale)}</span> : null}
                    </td>
                    <td className={`${td} text-right whitespace-nowrap tabular-nums`}>{formatFen(d.claimedFen)}</td>
                    <td className={`${td} text-right whitespace-nowrap tabular-nums`}>{formatFen(d.recoveredFen)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="font-semibold">
                  <td className="py-1 pr-2" colSpan={3}>
                    {t("disputes.summary.totals")}
                  </td>
                  <td className="py-1 pr-2 text-right whitespace-nowrap tabular-nums">{formatFen(disputes.totals.claimedFen)}</td>
                  <td className="py-1 pr-2 text-right whitespace-nowrap tabular-nums">{formatFen(disputes.totals.recoveredFen)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t("disputes.summary.noDisputes")}</p>
        )}
      </section>

      <section className={section}>
        <h2 className={heading}>{t("disputes.summary.ledger")}</h2>
        {ledger.length ? (
          <div className="overflow-x-auto print:overflow-visible">
            <table className="w-full text-sm">
              <thead>
                <tr>
                  <th className={th}>{t("disputes.ledger.receivedOn")}</th>
                  <th className={th}>{t("disputes.columns.counterparty")}</th>
                  <th className={th}>{t("disputes.ledger.method")}</th>
                  <th className={th}>{t("disputes.ledger.note")}</th>
                  <th className={`${th} text-right`}>{t("disputes.ledger.amount")}</th>
                </tr>
              </thead>
              <tbody>
                {ledger.map((e) => (
                  <tr key={e.id}>
                    <td className={`${td} whitespace-nowrap`}>{formatDate(e.receivedOn, locale)}</td>
                    <td className={td}>{counterparty.get(e.disputeId) ?? "—"}</td>
                    <td className={td}>{t(`enums.recoveryMethod.${e.method}`)}</td>
                    <td className={td}>
                      {e.reversesId ? <span className="font-medium">{t("disputes.ledger.reasonLine", { reason: e.reason ?? "" })}</span> : e.note}
                      {e.reversedById ? <span className="block text-xs text-slate-500">{t("disputes.ledger.reversed")}</span> : null}
                      {e.enterpriseResponse ? (
                        <span className="block text-xs text-slate-500">
                          {t(`disputes.response.${e.enterpriseResponse as "confirmed" | "queried"}`)}
                        </span>
                      ) : null}
                    </td>
                    <td className={`${td} text-right whitespace-nowrap tabular-nums`}>{formatFen(e.amountFen)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="font-semibold">
                  <td className="py-1 pr-2" colSpan={4}>
                    {t("disputes.summary.totals")}
                  </td>
                  <td className="py-1 pr-2 text-right whitespace-nowrap tabular-nums">
                    {formatFen(ledger.reduce((acc, e) => acc + e.amountFen, 0n))}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t("disputes.summary.noLedger")}</p>
        )}
      </section>

      {request.resolutionSummary || request.rating ? (
        <section className={section}>
          <h2 className={heading}>{t("disputes.summary.outcome")}</h2>
          {request.resolutionSummary ? <p className="text-sm whitespace-pre-wrap text-slate-800">{request.resolutionSummary}</p> : null}
          {request.rating ? (
            <p className="mt-2 text-sm text-slate-800">
              {t("disputes.summary.rating")} · {t("disputes.summary.ratingValue", { rating: request.rating })}
              {request.ratingComment ? ` · ${request.ratingComment}` : ""}
            </p>
          ) : null}
        </section>
      ) : null}

      <section className={section}>
        <h2 className={heading}>{t("disputes.summary.timeline")}</h2>
        <ol className="space-y-1 text-sm">
          {request.events.map((e, i) => (
            <li key={`${e.type}-${i}`} className="flex gap-3">
              <time className="w-40 shrink-0 text-slate-500 tabular-nums" dateTime={new Date(e.at).toISOString()}>
                {formatDateTime(e.at, locale)}
              </time>
              <span className="min-w-0 text-slate-800">
                {eventLabel(t, locale, e.type)}
                {e.reason ? <span className="text-slate-500"> · {e.reason}</span> : null}
              </span>
            </li>
          ))}
        </ol>
      </section>
      <footer className="mt-8 border-t border-slate-300 pt-2 text-xs text-slate-500">{t("disputes.summary.footer")}</footer>
    </article>
  );
}
