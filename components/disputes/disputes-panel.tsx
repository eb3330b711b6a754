import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { Actor } from "@/lib/authz";
import { getRequestDisputes, getRequestLedger } from "@/lib/disputes/queries";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/catalog";
import { todayInShanghai } from "@/lib/clock";
import { locales } from "@/lib/i18n/locales";
import { translator, type Translate } from "@/lib/i18n/translate";
import { disputeKinds, type DisputeKind } from "@/lib/enums";
import { formatFen } from "@/lib/money";
import type { DisputeActions } from "./actions-context";
import { DisputesBoard } from "./disputes-board";

/**
 * The disputes and recovery-ledger section of a request page, for the parties of the case: the
 * assigned expert and admins work it, the company reads it and answers each ledger entry, the
 * filing station reads it. Shown once a case has disputes or can have them; nothing for others.
 */
export async function DisputesPanel({
  requestId,
  actor,
  t,
  actions,
}: {
  requestId: string;
  actor: Actor;
  t: Translate;
  locale: Locale;
  actions: DisputeActions;
}) {
  let data;
  try {
    data = await Promise.all([getRequestDisputes(actor, requestId), getRequestLedger(actor, requestId)]);
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) return null;
    throw error;
  }
  const [{ request, disputes, counterparties, totals, can }, ledger] = data;
  if (!disputes.length && !can.writeDisputes) return null;
  const kindLabels = locales.map((locale) => {
    const say = translator(locale);
    return Object.fromEntries(disputeKinds.map((kind) => [kind, say(`enums.disputeKind.${kind}`)])) as Record<DisputeKind, string>;
  });
  const figure = (label: string, value: string) => (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-base font-semibold text-slate-900 tabular-nums sm:text-lg">{value}</dd>
    </div>
  );
  return (
    <Card
      title={t("disputes.panel.title")}
      action={
        <Link href={`/requests/${request.id}/summary`} className="text-sm text-brand-700 underline-offset-2 hover:underline">
          {t("disputes.summary.open")}
        </Link>
      }
    >
      <p className="mb-4 text-sm text-slate-600">{can.respond ? t("disputes.panel.readOnlyIntro") : t("disputes.panel.intro")}</p>
      <dl className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {figure(t("disputes.panel.countLabel"), String(totals.count))}
        {figure(t("disputes.panel.openClosed"), `${totals.open} / ${totals.closed}`)}
        {figure(t("disputes.panel.totalClaimed"), formatFen(totals.claimedFen))}
        {figure(t("disputes.panel.totalRecovered"), formatFen(totals.recoveredFen))}
      </dl>
      {!can.writeDisputes && can.writeLedger ? <p className="mb-3 text-sm text-slate-600">{t("disputes.panel.inactive")}</p> : null}
      <DisputesBoard
        data={{ requestId: request.id, disputes, ledger, counterparties, kindLabels, can, today: todayInShanghai() }}
        actions={actions}
      />
    </Card>
  );
}
