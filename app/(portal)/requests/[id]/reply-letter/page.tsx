import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PrintButton } from "@/components/disputes/print-button";
import { IssueReplyLetter } from "@/components/referrals/issue-reply-letter";
import { buttonClass } from "@/components/ui/button";
import { requireActor } from "@/lib/auth/current";
import type { Actor } from "@/lib/authz";
import { currentTime } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { formatFen } from "@/lib/money";
import { getReplyLetter } from "@/lib/referrals/reply-letter";
import { issueReplyLetterAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** The letter's data, for the admins of the request's district (anyone else, or a request that is no referral: the 404 page). */
const load = cache(async (actor: Actor, id: string) => {
  try {
    return await getReplyLetter(actor, id);
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ t }, actor, { id }] = await Promise.all([getT(), requireActor(), params]);
  const letter = await load(actor, id);
  return { title: `${t("referrals.letter.title")} · ${letter.caseNumber}` };
}

const printCss = `@page { size: A4; margin: 18mm 16mm; }
@media print {
  .reply-letter { font-size: 11pt; }
  main { padding: 0 !important; max-width: none !important; }
}`;

/** 回复函: the letter that tells the referring body how its case ended, drafted from the case and the ledger. */
async function ReplyLetterPage({ params }: Props) {
  const [{ t, locale }, actor, { id }] = await Promise.all([getT(), requireActor(), params]);
  const letter = await load(actor, id);
  const back = (
    <Link href={`/requests/${letter.id}`} className={buttonClass("secondary")}>
      {t("referrals.letter.back")}
    </Link>
  );
  if (!letter.ready) {
    return (
      <article className="mx-auto max-w-2xl space-y-4 rounded-lg bg-white p-4 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold text-slate-900">{t("referrals.letter.title")}</h1>
        <p role="status" data-testid="reply-letter-not-ready" className="text-slate-700">
          {t("referrals.letter.notReady")}
        </p>
        {back}
      </article>
    );
  }
  const { referral } = letter;
  const filed = formatDate(letter.submittedAt, locale);
  const fact = (label: string, value: string | null | undefined, testId?: string) => (
    <div className="flex flex-col gap-0.5 border-b border-slate-100 py-1.5 sm:flex-row sm:gap-3 print:flex-row print:py-1">
      <dt className="shrink-0 text-slate-500 sm:w-28 print:w-28">{label}</dt>
      <dd data-testid={testId} className="min-w-0 break-words whitespace-pre-wrap text-slate-900">
        {value || "—"}
      </dd>
    </div>
  );
  return (
    <article className="reply-letter mx-auto max-w-2xl rounded-lg bg-white p-4 shadow-sm sm:p-8 print:max-w-none print:rounded-none print:p-0 print:shadow-none">
      <style>{printCss}</style>
      <div className="no-print mb-6 flex flex-wrap items-center justify-between gap-2">
        {back}
        <div className="flex flex-wrap items-start gap-2">
          {referral.replyIssuedAt ? (
            <p data-testid="reply-letter-issued" className="max-w-xs text-sm text-emerald-800">
              {t("referrals.letter.issued", { date: formatDateTime(referral.replyIssuedAt, locale), name: referral.replyIssuedByName ?? "—" })}
            </p>
          ) : (
            <IssueReplyLetter action={issueReplyLetterAction} requestId={letter.id} />
          )}
          <PrintButton label={t("referrals.letter.print")} />
        </div>
      </div>
      <header className="border-b-4 border-brand-900 pb-3 text-center">
        <p className="text-sm text-slate-600">{t("common.societyName")}</p>
        <h1 className="mt-1 text-2xl font-bold tracking-widest text-slate-900">{t("referrals.letter.title")}</h1>
        <p className="mt-1 font-mono text-sm text-slate-700" data-testid="reply-letter-case-number">
          {t("referrals.letter.caseNumber")} {letter.caseNumber}
        </p>
      </header>
      <p className="mt-5 font-medium text-slate-900">{t("referrals.letter.salutation", { body: referral.body })}</p>
      <p className="mt-2 text-sm leading-relaxed text-slate-800 sm:indent-8">
        {referral.reference
          ? t("referrals.letter.intro", { title: letter.title, reference: referral.reference, filed, caseNumber: letter.caseNumber })
          : t("referrals.letter.introNoReference", { title: letter.title, filed, caseNumber: letter.caseNumber })}
      </p>
      <dl className="mt-4 text-sm">
        {fact(t("referrals.letter.party"), `${letter.partyName}（${t(`referrals.partyKind.${letter.partyKind}`)}）`)}
        {fact(t("referrals.letter.asked"), letter.description)}
        {fact(t("referrals.letter.expert"), letter.expertName ?? t("referrals.letter.noExpert"))}
        {letter.panel.memberNames.length
          ? fact(t("referrals.letter.panel"), letter.panel.memberNames.join(t("referrals.letter.nameSeparator")))
          : null}
      </dl>
      {letter.panel.opinions.length ? (
        <section className="mt-5" data-testid="reply-letter-opinions">
          <h2 className="text-base font-semibold text-slate-900">{t("referrals.letter.opinions")}</h2>
          <ul className="mt-2 space-y-2 text-sm">
            {letter.panel.opinions.map((o) => (
              <li key={o.id}>
                <p className="whitespace-pre-wrap text-slate-800">{o.body}</p>
                <p className="text-slate-600">{t("referrals.letter.agreed", { names: o.agreedNames.join(t("referrals.letter.nameSeparator")) })}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="mt-5">
        <h2 className="text-base font-semibold text-slate-900">{t("referrals.letter.disputes")}</h2>
        {letter.disputes.length ? (
          <ul className="mt-2 space-y-2 text-sm">
            {letter.disputes.map((d) => (
              <li key={d.id} className="rounded-md border border-slate-200 p-2 print:border-slate-400">
                <p className="font-medium text-slate-900">
                  {d.counterpartyName} · {t(`enums.disputeKind.${d.kind}`)}
                </p>
                <p className="text-slate-700">
                  {t("referrals.letter.claimed")} {formatFen(d.claimedFen)} · {t("referrals.letter.outcome")} {t(`enums.disputeStatus.${d.status}`)}
                  {d.resolutionMethod ? `（${d.resolutionMethod}）` : ""} · {t("referrals.letter.recovered")} {formatFen(d.recoveredFen)}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-slate-700">{t("referrals.letter.noDisputes")}</p>
        )}
        <p className="mt-3 text-sm text-slate-900">
          {t("referrals.letter.recoveredTotal")}{" "}
          <strong data-testid="reply-letter-recovered" className="tabular-nums">
            {formatFen(letter.recoveredFen)}
          </strong>
        </p>
      </section>
      <section className="mt-5">
        <h2 className="text-base font-semibold text-slate-900">{t("referrals.letter.summary")}</h2>
        <p className="mt-2 text-sm whitespace-pre-wrap text-slate-800">{letter.resolutionSummary || t("referrals.letter.noSummary")}</p>
      </section>
      <p className="mt-6 text-sm text-slate-800">{t("referrals.letter.closing")}</p>
      <footer className="mt-8 text-right text-sm text-slate-800">
        <p className="font-medium">{t("common.societyName")}</p>
        <p>{formatDate(referral.replyIssuedAt ?? currentTime(), locale)}</p>
        <p className="mt-2 text-slate-500">{t("referrals.letter.stamp")}</p>
      </footer>
    </article>
  );
}

export default withClientMessages(["errors", "referrals"], ReplyLetterPage);
