import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PrintButton } from "@/components/disputes/print-button";
import { buttonClass } from "@/components/ui/button";
import { requireActor } from "@/lib/auth/current";
import type { Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { getReceipt } from "@/lib/requests/receipt";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** The receipt's data, for the filing station and the admins of its district (anyone else: the 404 page). */
const load = cache(async (actor: Actor, id: string) => {
  try {
    return await getReceipt(actor, id);
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ t }, actor, { id }] = await Promise.all([getT(), requireActor(), params]);
  const receipt = await load(actor, id);
  return { title: `${t("requests.receipt.title")} · ${receipt.caseNumber}` };
}

const printCss = `@page { size: A4; margin: 16mm 14mm; }
@media print {
  .receipt { font-size: 11pt; }
  main { padding: 0 !important; max-width: none !important; }
}`;

/** 受理回执: one page a station prints for the walk-in visitor, with the case number and how to follow it. */
export default async function ReceiptPage({ params }: Props) {
  const [{ t, locale }, actor, { id }] = await Promise.all([getT(), requireActor(), params]);
  const receipt = await load(actor, id);
  const fact = (label: string, value: string | null | undefined) => (
    <div className="flex gap-3 border-b border-slate-100 py-1.5 print:py-1">
      <dt className="w-28 shrink-0 text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">{value || "—"}</dd>
    </div>
  );
  return (
    <article className="receipt mx-auto max-w-2xl rounded-lg bg-white p-4 shadow-sm sm:p-8 print:max-w-none print:rounded-none print:p-0 print:shadow-none">
      <style>{printCss}</style>
      <div className="no-print mb-6 flex flex-wrap items-center justify-between gap-2">
        <Link href={`/requests/${receipt.id}`} className={buttonClass("secondary")}>
          {t("requests.receipt.back")}
        </Link>
        <PrintButton label={t("requests.receipt.print")} />
      </div>
      <header className="border-b-4 border-brand-900 pb-3 text-center">
        <p className="text-sm text-slate-600">
          {t("common.societyName")} · {t("common.appName")}
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-widest text-slate-900">{t("requests.receipt.title")}</h1>
      </header>
      <p className="mt-4 text-center">
        <span className="block text-sm text-slate-600">{t("requests.receipt.caseNumber")}</span>
        <span data-testid="receipt-case-number" className="font-mono text-3xl font-bold tracking-wider text-slate-900">
          {receipt.caseNumber}
        </span>
      </p>
      <p className="mt-4 text-sm text-slate-800">{t("requests.receipt.intro", { name: receipt.visitorName })}</p>
      <dl className="mt-3 text-sm">
        {fact(
          t("requests.receipt.visitor"),
          receipt.contactName && receipt.contactName !== receipt.visitorName
            ? `${receipt.visitorName}（${receipt.contactName}）`
            : receipt.visitorName,
        )}
        {fact(t("requests.receipt.subject"), receipt.title)}
        {fact(t("requests.receipt.category"), t(`enums.requestCategory.${receipt.category}`))}
        {fact(t("requests.receipt.counterparties"), receipt.counterparties.join("、"))}
        {fact(t("requests.receipt.region"), locale === "en" ? receipt.regionNameEn : receipt.regionName)}
        {fact(t("requests.receipt.filedAt"), formatDateTime(receipt.submittedAt, locale))}
      </dl>
      <section className="mt-5">
        <h2 className="text-base font-semibold text-slate-900">{t("requests.receipt.followTitle")}</h2>
        <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm text-slate-800">
          <li>{t("requests.receipt.followStation")}</li>
          <li>{t("requests.receipt.followHotline")}</li>
          <li>{t("requests.receipt.followOnline")}</li>
        </ol>
        <p className="mt-2 text-sm text-slate-600">{t("requests.receipt.next")}</p>
      </section>
      <section className="mt-5 rounded-md border border-slate-300 p-3 text-sm">
        <h2 className="font-semibold text-slate-900">{receipt.stationName}</h2>
        <dl className="mt-1">
          {fact(t("requests.receipt.address"), receipt.stationAddress)}
          {fact(t("requests.receipt.phone"), receipt.stationPhone)}
          {fact(t("requests.receipt.hours"), receipt.stationHours)}
        </dl>
      </section>
      <footer className="mt-8 grid grid-cols-2 gap-6 text-sm text-slate-700">
        <p>{t("requests.receipt.staffSignature")}</p>
        <p>{t("requests.receipt.stamp")}</p>
      </footer>
      <p className="mt-4 text-xs text-slate-500">{t("requests.receipt.printedAt", { time: formatDateTime(new Date(), locale) })}</p>
    </article>
  );
}
