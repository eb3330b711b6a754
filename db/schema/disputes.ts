import { sql } from "drizzle-orm";
import { bigint, check, date, index, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { disputeKindEnum, disputeStatusEnum, recoveryMethodEnum } from "./enums";
import { requests } from "./requests";

export const disputes = pgTable(
  "disputes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    counterpartyName: text("counterparty_name").notNull(),
    counterpartyCreditCode: text("counterparty_credit_code"),
    kind: disputeKindEnum("kind").notNull(),
    claimedFen: bigint("claimed_fen", { mode: "bigint" }).notNull(),
    status: disputeStatusEnum("status").notNull().default("open"),
    resolutionMethod: text("resolution_method"),
    /**
     * Sum of this dispute's ledger entries, kept in the same transaction as every ledger write
     * (a rollup for fast reports; the ledger stays the truth and tests compare the two).
     */
    recoveredFen: bigint("recovered_fen", { mode: "bigint" })
      .notNull()
      .default(sql`0`),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("disputes_request_idx").on(t.requestId),
    index("disputes_status_idx").on(t.status, t.closedAt),
    check("disputes_claimed_check", sql`${t.claimedFen} >= 0 and ${t.claimedFen} <= 9007199254740991`),
    check("disputes_recovered_check", sql`${t.recoveredFen} >= 0`),
  ],
);

/**
 * The append-only recovery ledger. An entry is never edited or deleted: a mistake is corrected by
 * a reversing entry (negative amount, pointing at the entry it reverses, at most one per entry).
 */
export const recoveries = pgTable(
  "recoveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    disputeId: uuid("dispute_id")
      .notNull()
      .references(() => disputes.id),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    amountFen: bigint("amount_fen", { mode: "bigint" }).notNull(),
    receivedOn: date("received_on").notNull(),
    method: recoveryMethodEnum("method").notNull(),
    note: text("note").notNull().default(""),
    reversesId: uuid("reverses_id").references((): AnyPgColumn => recoveries.id),
    reason: text("reason"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    /** The enterprise's answer to the entry: null, 'confirmed' or 'queried'. */
    enterpriseResponse: text("enterprise_response"),
    enterpriseNote: text("enterprise_note"),
  },
  (t) => [
    index("recoveries_dispute_idx").on(t.disputeId),
    index("recoveries_request_idx").on(t.requestId),
    index("recoveries_received_idx").on(t.receivedOn),
    uniqueIndex("recoveries_one_reversal")
      .on(t.reversesId)
      .where(sql`${t.reversesId} is not null`),
    check(
      "recoveries_amount_check",
      sql`(${t.reversesId} is null and ${t.amountFen} > 0 and ${t.amountFen} <= 9007199254740991) or (${t.reversesId} is not null and ${t.amountFen} < 0)`,
    ),
  ],
);

/**
 * The grand totals a ledger write is checked against (lib/disputes/ledger-limits.ts): "recovered",
 * every positive ledger entry; "claimed", every dispute's claim. Kept by statement triggers on
 * recoveries and disputes in the same transaction (migration 0041), so the check reads one row
 * instead of summing the whole ledger; `ledger_totals_rebuild()` recomputes them after a bulk load.
 */
export const ledgerTotals = pgTable("ledger_totals", {
  which: text("which").primaryKey(),
  totalFen: bigint("total_fen", { mode: "bigint" })
    .notNull()
    .default(sql`0`),
});
