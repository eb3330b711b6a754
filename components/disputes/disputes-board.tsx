"use client";

import { Fragment, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { recoveryMethods, type DisputeKind, type RecoveryMethod } from "@/lib/enums";
import type { DisputeRow } from "@/lib/disputes/queries";
import { isClosedDisputeStatus } from "@/lib/disputes/status-flow";
import { useT } from "@/lib/i18n/client";
import { formatFen } from "@/lib/money";
import { DisputeActionsProvider, type DisputeActions } from "./actions-context";
import { AddDisputeForm } from "./add-dispute-form";
import { AddDisputesTable } from "./add-disputes-table";
import { BulkStatusBar } from "./bulk-status-bar";
import { DisputeFilters, type StatusFilter } from "./dispute-filters";
import { DisputeLedger } from "./dispute-ledger";
import { DisputeStatusBadge } from "./dispute-status-badge";
import { DisputeStatusForm } from "./dispute-status-form";
import { RecordRecoveryForm } from "./record-recovery-form";
import type { BoardData } from "./types";

const PAGE = 50;

function matches(d: DisputeRow, status: StatusFilter, kind: DisputeKind | "all", q: string) {
  if (status === "open" && isClosedDisputeStatus(d.status)) return false;
  if (status === "closed" && !isClosedDisputeStatus(d.status)) return false;
  if (status !== "all" && status !== "open" && status !== "closed" && d.status !== status) return false;
  if (kind !== "all" && d.kind !== kind) return false;
  const needle = q.trim().toLowerCase();
  return !needle || d.counterpartyName.toLowerCase().includes(needle) || (d.counterpartyCreditCode ?? "").toLowerCase().includes(needle);
}

/**
 * The disputes of a case as a compact, filterable table (cards on a phone), with totals of what is
 * shown, selection for the bulk status change, and each dispute's ledger one click away.
 */
/** The board, with the server actions its forms call (handed in by the page). */
export function DisputesBoard({ data, actions }: { data: BoardData; actions: DisputeActions }) {
  const { t } = useT();
  const [status, setStatus] = useState<StatusFilter>("all");
  const [kind, setKind] = useState<DisputeKind | "all">("all");
  const [q, setQ] = useState("");
  const [limit, setLimit] = useState(PAGE);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [bulkMessage, setBulkMessage] = useState<string | null>(null);
  const methodLabel = (method: string) =>
    (recoveryMethods as readonly string[]).includes(method) ? t(`enums.recoveryMethod.${method as RecoveryMethod}`) : method;
  const canSelect = data.can.writeDisputes;

  const shown = useMemo(() => data.disputes.filter((d) => matches(d, status, kind, q)), [data.disputes, status, kind, q]);
  const visible = shown.slice(0, limit);
  const ledgerOf = useMemo(() => {
    const map = new Map<string, BoardData["ledger"]>();
    for (const entry of data.ledger) map.set(entry.disputeId, [...(map.get(entry.disputeId) ?? []), entry]);
    return map;
  }, [data.ledger]);
  const shownClaimed = shown.reduce((acc, d) => acc + d.claimedFen, 0n);
  const shownRecovered = shown.reduce((acc, d) => acc + d.recoveredFen, 0n);
  const selectedShown = shown.filter((d) => selected.has(d.id)).map((d) => d.id);
  const allShownSelected = shown.length > 0 && selectedShown.length === shown.length;

  const toggle = (set: Set<string>, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };

  const details = (d: DisputeRow) => (
    <div className="space-y-3 bg-slate-50 p-3">
      {data.can.writeDisputes && !isClosedDisputeStatus(d.status) ? <DisputeStatusForm disputeId={d.id} status={d.status} /> : null}
      <h4 className="text-sm font-semibold text-slate-800">{t("disputes.ledger.title")}</h4>
      <DisputeLedger entries={ledgerOf.get(d.id) ?? []} canReverse={data.can.writeLedger} canRespond={data.can.respond} />
      {data.can.writeLedger ? (
        <RecordRecoveryForm disputeId={d.id} today={data.today} claimedFen={d.claimedFen} recoveredFen={d.recoveredFen} />
      ) : null}
    </div>
  );
  const ledgerToggle = (d: DisputeRow) => (
    <button
      type="button"
      className="text-sm text-brand-700 underline-offset-2 hover:underline"
      aria-expanded={expanded.has(d.id)}
      aria-controls={`dispute-${d.id}`}
      onClick={() => setExpanded((s) => toggle(s, d.id))}
    >
      {expanded.has(d.id) ? t("disputes.ledger.hide") : t("disputes.ledger.show", { count: d.entries })}
    </button>
  );
  const checkbox = (d: DisputeRow) =>
    canSelect ? (
      <input
        type="checkbox"
        className="size-4"
        aria-label={`${t("disputes.columns.select")} ${d.counterpartyName}`}
        checked={selected.has(d.id)}
        onChange={() => (setSelected((s) => toggle(s, d.id)), setBulkMessage(null))}
      />
    ) : null;

  return (
    <DisputeActionsProvider actions={actions}>
      <div className="space-y-4">
        {data.can.writeDisputes ? (
          // one form at a time takes the whole width; closed, the two buttons sit side by side
          <div className="flex flex-wrap items-start gap-3">
            <div className="min-w-0 has-[form]:basis-full">
              <AddDisputeForm requestId={data.requestId} counterparties={data.counterparties} />
            </div>
            <div className="min-w-0 has-[table]:basis-full">
              <AddDisputesTable requestId={data.requestId} counterparties={data.counterparties} kindLabels={data.kindLabels} />
            </div>
          </div>
        ) : null}
        {data.disputes.length === 0 ? null : (
          <DisputeFilters
            value={{ status, kind, q }}
            onChange={(next) => {
              setStatus(next.status);
              setKind(next.kind);
              setQ(next.q);
              setLimit(PAGE);
            }}
          />
        )}
        {data.disputes.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">{t("disputes.panel.empty")}</p>
        ) : shown.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
            {t("disputes.panel.emptyFiltered")}
          </p>
        ) : (
          <>
            <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
              <span aria-live="polite">{t("disputes.panel.shown", { shown: shown.length, total: data.disputes.length })}</span>
              {canSelect ? (
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={allShownSelected}
                    onChange={() => setSelected(allShownSelected ? new Set() : new Set(shown.map((d) => d.id)))}
                  />
                  {t("disputes.bulk.selectAll")}
                </label>
              ) : null}
            </div>

            {/* One table: cards on a phone (every row a block), a compact table from md up. */}
            <table className="block w-full text-left text-sm md:table">
              <thead className="hidden border-b border-slate-200 text-slate-600 md:table-header-group">
                <tr>
                  {canSelect ? (
                    <th className="w-8 py-2 pr-2 font-medium">
                      <span className="sr-only">{t("disputes.columns.select")}</span>
                    </th>
                  ) : null}
                  <th className="py-2 pr-3 font-medium">{t("disputes.columns.counterparty")}</th>
                  <th className="py-2 pr-3 font-medium">{t("disputes.columns.status")}</th>
                  <th className="py-2 pr-3 text-right font-medium">{t("disputes.columns.claimed")}</th>
                  <th className="py-2 pr-3 text-right font-medium">{t("disputes.columns.recovered")}</th>
                  <th className="py-2 font-medium">{t("disputes.columns.ledger")}</th>
                </tr>
              </thead>
              <tbody className="block space-y-2 md:table-row-group md:space-y-0 md:divide-y md:divide-slate-100">
                {visible.map((d) => (
                  <Fragment key={d.id}>
                    <tr
                      className={`block rounded-md border border-slate-200 p-3 md:table-row md:rounded-none md:border-0 md:p-0 ${selected.has(d.id) ? "bg-brand-50" : ""}`}
                    >
                      {canSelect ? (
                        <td className="float-left mt-0.5 mr-3 md:float-none md:mt-0 md:table-cell md:py-2 md:pr-2">{checkbox(d)}</td>
                      ) : null}
                      <td className="block md:table-cell md:py-2 md:pr-3">
                        <span className="font-medium break-words text-slate-900">{d.counterpartyName}</span>
                        <span className="block text-xs text-slate-500">
                          {t(`enums.disputeKind.${d.kind}`)}
                          {d.counterpartyCreditCode ? ` · ${d.counterpartyCreditCode}` : ""}
                        </span>
                      </td>
                      <td className="mt-1 block md:mt-0 md:table-cell md:py-2 md:pr-3 md:whitespace-nowrap">
                        <DisputeStatusBadge status={d.status} t={t} />
                        {d.resolutionMethod ? (
                          <span className="ml-2 text-xs text-slate-500 md:ml-0 md:block">{methodLabel(d.resolutionMethod)}</span>
                        ) : null}
                      </td>
                      <td className="mt-1 flex justify-between gap-3 md:mt-0 md:table-cell md:py-2 md:pr-3 md:text-right md:whitespace-nowrap">
                        <span className="text-slate-500 md:hidden">{t("disputes.columns.claimed")}</span>
                        <span className="tabular-nums">{formatFen(d.claimedFen)}</span>
                      </td>
                      <td className="flex justify-between gap-3 md:table-cell md:py-2 md:pr-3 md:text-right md:whitespace-nowrap">
                        <span className="text-slate-500 md:hidden">{t("disputes.columns.recovered")}</span>
                        <span className="font-medium tabular-nums">{formatFen(d.recoveredFen)}</span>
                      </td>
                      <td className="mt-1 block md:mt-0 md:table-cell md:py-2 md:whitespace-nowrap">{ledgerToggle(d)}</td>
                    </tr>
                    {expanded.has(d.id) ? (
                      <tr id={`dispute-${d.id}`} className="block md:table-row">
                        <td colSpan={canSelect ? 6 : 5} className="block md:table-cell">
                          {details(d)}
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
              <tfoot className="hidden border-t-2 border-slate-300 font-semibold text-slate-900 md:table-footer-group">
                <tr>
                  <td className="py-2 pr-3" colSpan={canSelect ? 3 : 2}>
                    {t("disputes.panel.shownTotals")}
                  </td>
                  <td className="py-2 pr-3 text-right whitespace-nowrap tabular-nums">{formatFen(shownClaimed)}</td>
                  <td className="py-2 pr-3 text-right whitespace-nowrap tabular-nums">{formatFen(shownRecovered)}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
            <p className="text-sm text-slate-700 md:hidden">
              {t("disputes.panel.shownTotalsLine", { claimed: formatFen(shownClaimed), recovered: formatFen(shownRecovered) })}
            </p>
            {shown.length > visible.length ? (
              <Button type="button" variant="secondary" onClick={() => setLimit((n) => n + PAGE)}>
                {t("disputes.panel.showMore", { count: shown.length - visible.length })}
              </Button>
            ) : null}
            <FormAlert tone="success" message={bulkMessage} />
            {canSelect && selectedShown.length ? (
              <BulkStatusBar requestId={data.requestId} ids={selectedShown} onDone={(message) => (setSelected(new Set()), setBulkMessage(message))} />
            ) : null}
          </>
        )}
      </div>
    </DisputeActionsProvider>
  );
}
