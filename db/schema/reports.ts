import { sql } from "drizzle-orm";
import { bigint, date, doublePrecision, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { requests } from "./requests";

/**
 * Monthly report rollups, one row per (dimension, key, month, county): the figures of every request
 * filed, dispute opened or resolved and ledger entry received in that month, grouped by one
 * dimension of its request ("all", "region", "specialty", "expert", "station", "channel", "status").
 *
 * Kept exact by database triggers in the same transaction as every write to requests,
 * request_specialties, disputes and recoveries (migration reports_rollup_triggers), whatever code
 * makes the write; `report_rollups_rebuild()` recomputes it from the ledger. The ledger stays the
 * truth: tests and the benchmark compare the two to the fen.
 *
 * A figure is the SUM over `shard` (migration 0035): each writing transaction adds its deltas to
 * the rows of a shard no other open transaction holds, so concurrent filings do not queue on the
 * same rows. The rebuild writes shard 0; the daily job reports.compact-rollups folds the others into it.
 */
export const reportRollups = pgTable(
  "report_rollups",
  {
    dimension: text("dimension").notNull(),
    /** The dimension's value: a region code, specialty code, expert or station id, channel, status; "" for none. */
    key: text("key").notNull(),
    /** First day of the month (Asia/Shanghai). */
    month: date("month").notNull(),
    /** The county-level code (first six digits) of the request's region, for region-scoped admins. */
    county: text("county").notNull(),
    /** 0: rebuilt or compacted; 1..32: deltas added by writing transactions since (report_rollup_shard()). */
    shard: smallint("shard").notNull().default(0),
    requestsFiled: bigint("requests_filed", { mode: "bigint" })
      .notNull()
      .default(sql`0`),
    requestsResolved: bigint("requests_resolved", { mode: "bigint" })
      .notNull()
      .default(sql`0`),
    disputesOpened: bigint("disputes_opened", { mode: "bigint" })
      .notNull()
      .default(sql`0`),
    disputesResolved: bigint("disputes_resolved", { mode: "bigint" })
      .notNull()
      .default(sql`0`),
    claimedFen: bigint("claimed_fen", { mode: "bigint" })
      .notNull()
      .default(sql`0`),
    recoveredFen: bigint("recovered_fen", { mode: "bigint" })
      .notNull()
      .default(sql`0`),
  },
  (t) => [primaryKey({ name: "report_rollups_pkey", columns: [t.dimension, t.month, t.county, t.key, t.shard] })],
);

/**
 * Hours from filing to acceptance, one row per accepted request and report dimension (a request
 * with two specialties has two "specialty" rows), so the median and 90th percentile of any grouping
 * over a period are one range of the index report_accept_times_period_idx: no joins, exact values.
 * Rewritten by triggers whenever the request's acceptance, dates or dimensions change.
 */
export const reportAcceptTimes = pgTable(
  "report_accept_times",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    dimension: text("dimension").notNull(),
    key: text("key").notNull(),
    county: text("county").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    seconds: doublePrecision("seconds").notNull(),
  },
  (t) => [primaryKey({ name: "report_accept_times_pkey", columns: [t.requestId, t.dimension, t.key] })],
);

/**
 * How many accepted requests took each whole hour from filing to acceptance, per report dimension,
 * key, month of filing and county: the median and 90th percentile of a period of whole months are
 * read from a few thousand counts instead of sorting every request's time. Kept exact by statement
 * triggers on report_accept_times (migration 0039), in the same transaction; a time is counted in
 * whole hours (`accept_hours(seconds)`), and every path that computes the percentiles (this table,
 * report_accept_times, the requests) rounds it the same way.
 */
export const reportAcceptHistogram = pgTable(
  "report_accept_histogram",
  {
    dimension: text("dimension").notNull(),
    key: text("key").notNull(),
    /** First day of the month of filing (Asia/Shanghai). */
    month: date("month").notNull(),
    county: text("county").notNull(),
    /** Whole hours from filing to acceptance, rounded: accept_hours(seconds). */
    hours: integer("hours").notNull(),
    requests: integer("requests").notNull(),
  },
  (t) => [primaryKey({ name: "report_accept_histogram_pkey", columns: [t.dimension, t.month, t.county, t.key, t.hours] })],
);

/**
 * The dashboard's other panels, counted: offers declined (by reason, in the month they were
 * answered), ratings (by stars, in the month the request closed) and return visits (their number and
 * satisfaction summed, in the month of the visit), per month and county. A period of whole months
 * reads a few hundred counts instead of counting every offer, request and visit of the period. Kept
 * exact by triggers on offers, requests and return_visits (migration 0042), in the same transaction;
 * `report_panel_counts_rebuild()` recomputes it.
 */
export const reportPanelCounts = pgTable(
  "report_panel_counts",
  {
    /** "declined", "rating" or "visit". */
    panel: text("panel").notNull(),
    /** The decline reason ("" for none), the stars ("1".."5"), or "" for visits. */
    key: text("key").notNull(),
    /** First day of the month (Asia/Shanghai). */
    month: date("month").notNull(),
    /** The county-level code (first six digits) of the request's region. */
    county: text("county").notNull(),
    /** How many offers, ratings or visits. */
    count: bigint("count", { mode: "bigint" }).notNull(),
    /** The sum of the visits' satisfaction (0 for the other panels). */
    total: bigint("total", { mode: "bigint" }).notNull(),
  },
  (t) => [primaryKey({ name: "report_panel_counts_pkey", columns: [t.panel, t.month, t.county, t.key] })],
);
