import { asc, count, eq, sum } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { disputes, recoveries, requestCounterparties, users } from "@/db/schema";
import { can, requirePermission, type Actor } from "@/lib/authz";
import { loadCaseForParty } from "@/lib/requests/access";
import { ledgerEntryColumns } from "./ledger-entry";
import { disputeWorkStatuses, isClosedDisputeStatus, ledgerOpenStatuses } from "./status-flow";

/**
 * The disputes of a case with their totals, each derived from the ledger (never from a stored
 * figure). Callers: the parties of the case (the filing company or station, the assigned expert,
 * an admin covering it); anyone else gets 404. Says what the actor may do with them.
 */
export async function getRequestDisputes(actor: Actor | null, requestId: string) {
  const reader = requirePermission(actor, "dispute.read");
  const request = await loadCaseForParty(db, reader, requestId);
  const ledger = db
    .select({ disputeId: recoveries.disputeId, total: sum(recoveries.amountFen).as("total"), entries: count().as("entries") })
    .from(recoveries)
    .where(eq(recoveries.requestId, request.id))
    .groupBy(recoveries.disputeId)
    .as("ledger");
  const rows = await db
    .select({
      id: disputes.id,
      counterpartyName: disputes.counterpartyName,
      counterpartyCreditCode: disputes.counterpartyCreditCode,
      kind: disputes.kind,
      claimedFen: disputes.claimedFen,
      status: disputes.status,
      resolutionMethod: disputes.resolutionMethod,
      openedAt: disputes.openedAt,
      closedAt: disputes.closedAt,
      ledgerFen: ledger.total,
      entries: ledger.entries,
    })
    .from(disputes)
    .leftJoin(ledger, eq(ledger.disputeId, disputes.id))
    .where(eq(disputes.requestId, request.id))
    .orderBy(asc(disputes.openedAt), asc(disputes.id));
  // the counterparties named when the request was filed: what new disputes are offered to name
  const counterparties = await db
    .select({ name: requestCounterparties.name, creditCode: requestCounterparties.creditCode })
    .from(requestCounterparties)
    .where(eq(requestCounterparties.requestId, request.id))
    .orderBy(asc(requestCounterparties.name));
  const items = rows.map(({ ledgerFen, entries, ...d }) => ({ ...d, recoveredFen: BigInt(ledgerFen ?? 0), entries: Number(entries ?? 0) }));
  return {
    request: { id: request.id, title: request.title, status: request.status },
    can: {
      writeDisputes: can(reader.role, "dispute.write") && (disputeWorkStatuses as readonly string[]).includes(request.status),
      writeLedger: can(reader.role, "recovery.write") && (ledgerOpenStatuses as readonly string[]).includes(request.status),
      respond: can(reader.role, "recovery.respond"),
    },
    disputes: items,
    counterparties,
    totals: {
      count: items.length,
      open: items.filter((d) => !isClosedDisputeStatus(d.status)).length,
      closed: items.filter((d) => isClosedDisputeStatus(d.status)).length,
      claimedFen: items.reduce((acc, d) => acc + d.claimedFen, 0n),
      recoveredFen: items.reduce((acc, d) => acc + d.recoveredFen, 0n),
    },
  };
}
export type RequestDisputes = Awaited<ReturnType<typeof getRequestDisputes>>;
export type DisputeRow = RequestDisputes["disputes"][number];

/**
 * Every ledger entry of a case by the date the money arrived (a reversal next to its entry), with
 * who recorded it and whether it was reversed.
 * Same callers and 404 as getRequestDisputes.
 */
export async function getRequestLedger(actor: Actor | null, requestId: string) {
  const reader = requirePermission(actor, "dispute.read");
  const request = await loadCaseForParty(db, reader, requestId);
  const reversal = alias(recoveries, "reversal");
  return db
    .select({ ...ledgerEntryColumns, recordedByName: users.name, reversedById: reversal.id })
    .from(recoveries)
    .innerJoin(users, eq(users.id, recoveries.recordedBy))
    .leftJoin(reversal, eq(reversal.reversesId, recoveries.id))
    .where(eq(recoveries.requestId, request.id))
    .orderBy(asc(recoveries.receivedOn), asc(recoveries.recordedAt), asc(recoveries.id));
}
export type LedgerRow = Awaited<ReturnType<typeof getRequestLedger>>[number];
