"use client";

import { Badge } from "@/components/ui/card";
import type { LedgerRow } from "@/lib/disputes/queries";
import { useT } from "@/lib/i18n/client";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { formatFen } from "@/lib/money";
import { RespondToEntry, ReverseEntry } from "./ledger-entry-actions";

/** One dispute's ledger, oldest first: every entry and reversal stays visible, with who and when. */
export function DisputeLedger({ entries, canReverse, canRespond }: { entries: LedgerRow[]; canReverse: boolean; canRespond: boolean }) {
  const { t, locale } = useT();
  if (!entries.length) return <p className="text-sm text-slate-600">{t("disputes.ledger.empty")}</p>;
  const byId = new Map(entries.map((e) => [e.id, e]));
  const total = entries.reduce((acc, e) => acc + e.amountFen, 0n);
  return (
    <div>
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
        {entries.map((entry) => {
          const original = entry.reversesId ? byId.get(entry.reversesId) : undefined;
          return (
            <li key={entry.id} className="space-y-1 px-3 py-2 text-sm">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <span className={`font-semibold tabular-nums ${entry.amountFen < 0n ? "text-red-700" : "text-slate-900"}`}>
                    {formatFen(entry.amountFen)}
                  </span>
                  <span className="text-slate-600">{formatDate(entry.receivedOn, locale)}</span>
                  <span className="text-slate-600">{t(`enums.recoveryMethod.${entry.method}`)}</span>
                  {entry.reversesId ? <Badge tone="danger">{t("disputes.ledger.reversal")}</Badge> : null}
                  {entry.reversedById ? <Badge tone="neutral">{t("disputes.ledger.reversed")}</Badge> : null}
                  {entry.enterpriseResponse === "confirmed" ? <Badge tone="success">{t("disputes.response.confirmed")}</Badge> : null}
                  {entry.enterpriseResponse === "queried" ? <Badge tone="warning">{t("disputes.response.queried")}</Badge> : null}
                </p>
                {original ? (
                  <p className="text-xs text-slate-600">
                    {t("disputes.ledger.reversalOf", { amount: formatFen(original.amountFen), date: formatDate(original.receivedOn, locale) })}
                  </p>
                ) : null}
                {entry.reason ? <p className="text-xs text-slate-700">{t("disputes.ledger.reasonLine", { reason: entry.reason })}</p> : null}
                {entry.note ? <p className="text-xs text-slate-700">{t("disputes.ledger.noteLine", { note: entry.note })}</p> : null}
                {entry.enterpriseNote ? (
                  <p className="text-xs text-amber-800">{t("disputes.ledger.queryLine", { note: entry.enterpriseNote })}</p>
                ) : null}
                <p className="text-xs text-slate-500">
                  {t("disputes.ledger.byLine", { name: entry.recordedByName, time: formatDateTime(entry.recordedAt, locale) })}
                </p>
              </div>
              <div className="flex flex-wrap justify-end gap-2">
                {canReverse && !entry.reversesId && !entry.reversedById ? <ReverseEntry entry={entry} /> : null}
                {canRespond ? <RespondToEntry entry={entry} /> : null}
              </div>
            </li>
          );
        })}
      </ul>
      <p className="mt-2 text-right text-sm font-medium text-slate-800 tabular-nums">
        {t("disputes.ledger.totalLine", { amount: formatFen(total) })}
      </p>
    </div>
  );
}
