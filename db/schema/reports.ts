import { sql } from "drizzle-orm";
import { bigint, check, date, doublePrecision, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { requests } from "./requests";

/** The additive figures a rollup row holds (counts, and money as exact fen), fresh for each table. */
const figureColumns = () => ({
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
});

/**
 * Monthly report rollups, one row per (dimension, key, month, region): the figures of every request
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
 * same rows. The rebuild writes shard 0; the job reports.compact-rollups (every ten minutes) folds the others into it.
 */
export const reportRollups = pgTable(
  "report_rollups",
  {
    dimension: text("dimension").notNull(),
    /** The dimension's value: a region code, specialty code, expert or station id, channel, status; "" for none. */
    key: text("key").notNull(),
    /** First day of the month (Asia/Shanghai). */
    month: date("month").notNull(),
    /**
     * The request's region: its county, or the town it lies in (migration 0047), so an admin of a
     * county or of a town reads the rows in the range of their code (`regionInScope`).
     */
    regionCode: text("region_code").notNull(),
    /** 0: rebuilt or compacted; 1..32: deltas added by writing transactions since (report_rollup_shard()). */
    shard: smallint("shard").notNull().default(0),
    ...figureColumns(),
  },
  (t) => [
    primaryKey({ name: "report_rollups_pkey", columns: [t.dimension, t.month, t.regionCode, t.key, t.shard] }),
    // the rows written since the last compaction: what the compaction folds, found without reading the table
    index("report_rollups_uncompacted")
      .on(t.shard)
      .where(sql`${t.shard} > 0`),
  ],
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
    /** The request's town when it lies in one ('' when it lies in its county itself): migration 0059. */
    town: text("town").notNull().default(""),
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
  (t) => [
    primaryKey({ name: "report_accept_histogram_pkey", columns: [t.dimension, t.month, t.county, t.key, t.hours] }),
    // the counts of some keys (a page of the report by expert), not a whole dimension's
    index("report_accept_histogram_key_idx").on(t.dimension, t.key, t.month),
  ],
);

/**
 * The same counts per calendar year (migration 0045): a year of the zone by specialty or station is
 * a few hundred counts per key instead of twelve months of them. Kept by the same statement trigger
 * in the same transaction, after the monthly counts (one lock order for every writer); the readers
 * take whole years from here and the other months from report_accept_histogram.
 */
export const reportAcceptHistogramYears = pgTable(
  "report_accept_histogram_years",
  {
    dimension: text("dimension").notNull(),
    key: text("key").notNull(),
    /** First day of the year of filing (Asia/Shanghai). */
    year: date("year").notNull(),
    county: text("county").notNull(),
    hours: integer("hours").notNull(),
    requests: integer("requests").notNull(),
  },
  (t) => [
    primaryKey({ name: "report_accept_histogram_years_pkey", columns: [t.dimension, t.year, t.county, t.key, t.hours] }),
    index("report_accept_histogram_years_key_idx").on(t.dimension, t.key, t.year),
  ],
);

/**
 * The same monthly counts per town (migration 0059), for the requests that lie in one: a town's
 * admin reads the acceptance times of their town from its own counts, as a county's admin reads
 * theirs, instead of sorting the town's requests. Kept by the same statement trigger, after the
 * county's counts. Monthly only: a town reads its months (as it reads its rollups).
 */
export const reportAcceptHistogramTowns = pgTable(
  "report_accept_histogram_towns",
  {
    dimension: text("dimension").notNull(),
    key: text("key").notNull(),
    /** First day of the month of filing (Asia/Shanghai). */
    month: date("month").notNull(),
    town: text("town").notNull(),
    hours: integer("hours").notNull(),
    requests: integer("requests").notNull(),
  },
  (t) => [
    primaryKey({ name: "report_accept_histogram_towns_pkey", columns: [t.dimension, t.month, t.town, t.key, t.hours] }),
    // the counts of some keys (a page of a town's report by expert), not a whole dimension's
    index("report_accept_histogram_towns_key_idx").on(t.dimension, t.key, t.month, t.town),
  ],
);

/**
 * The dashboard's other panels, counted: offers declined (by reason, in the month they were
 * answered), offers expired unanswered (by expert, in the month of their deadline: migration 0062), ratings (by stars, in the month the request closed) and return visits (their number and
 * satisfaction summed, in the month of the visit), per month, in the request's county and (for a
 * request of a town) again in its town (migration 0049). A period of whole months
 * reads a few hundred counts instead of counting every offer, request and visit of the period. Kept
 * exact by triggers on offers, requests and return_visits (migration 0042), in the same transaction;
 * `report_panel_counts_rebuild()` recomputes it.
 */
export const reportPanelCounts = pgTable(
  "report_panel_counts",
  {
    /** "declined", "expired", "rating" or "visit". */
    panel: text("panel").notNull(),
    /** The decline reason ("" for none), the expert's id (expired), the stars ("1".."5"), or "" for visits. */
    key: text("key").notNull(),
    /** First day of the month (Asia/Shanghai). */
    month: date("month").notNull(),
    /**
     * The request's county (first six digits of its region), or its town (9 digits): every count is
     * kept under the county, and under the town too when the request lies in one. A county or wider
     * scope reads the 6-digit rows, a town its own (lib/reports/dashboard.ts, panelRowsInScope).
     */
    regionCode: text("region_code").notNull(),
    /** How many offers, ratings or visits. */
    count: bigint("count", { mode: "bigint" }).notNull(),
    /** The sum of the visits' satisfaction (0 for the other panels). */
    total: bigint("total", { mode: "bigint" }).notNull(),
  },
  (t) => [primaryKey({ name: "report_panel_counts_pkey", columns: [t.panel, t.month, t.regionCode, t.key] })],
);

/**
 * Each expert's figures per calendar year, per county and for the whole zone (county ""), so the
 * report by expert reads a year's page best first from an index instead of summing every month of
 * every expert. The same figures as the monthly "expert" rollups, kept by the same calls in the same
 * shards (migration 0043); the compaction (every ten minutes) folds them into shard 0, whose rows the ranking index
 * orders. `report_rollups_rebuild()` builds them from the monthly rows.
 */
export const reportExpertYears = pgTable(
  "report_expert_years",
  {
    /** First day of the year. */
    year: date("year").notNull(),
    /** The county-level code of the requests' region, or "" for every county. */
    county: text("county").notNull(),
    /** The expert's id ("" for requests no expert holds). */
    key: text("key").notNull(),
    shard: smallint("shard").notNull().default(0),
    ...figureColumns(),
  },
  (t) => [
    primaryKey({ name: "report_expert_years_pkey", columns: [t.year, t.county, t.key, t.shard] }),
    // a year's compacted experts best first, in the report's order
    index("report_expert_years_rank")
      .on(t.year, t.county, t.requestsFiled.desc(), t.recoveredFen.desc(), t.key)
      .where(sql`${t.shard} = 0`),
    // the rows written since the last compaction
    index("report_expert_years_uncompacted")
      .on(t.year, t.county, t.key)
      .where(sql`${t.shard} > 0`),
  ],
);

/**
 * How many experts have figures in each year and county ("" for the whole zone) among the compacted
 * rows of report_expert_years (shard 0): the report by expert's row count without counting 100,000
 * rows. Kept by a statement trigger on report_expert_years (migration 0043), which only the daily
 * compaction and the rebuild change in shard 0; the reader adjusts it for the uncompacted rows.
 */
export const reportExpertYearCounts = pgTable(
  "report_expert_year_counts",
  {
    year: date("year").notNull(),
    county: text("county").notNull(),
    experts: bigint("experts", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ name: "report_expert_year_counts_pkey", columns: [t.year, t.county] })],
);

/**
 * One row: how many times the compacted experts' rows (shard 0 of report_expert_years, and with them
 * the monthly "expert" and "expert_county" rollups, which the same calls write and the same
 * compaction folds) have changed. A statement trigger on report_expert_years adds one whenever a
 * statement changes a shard-0 row (migration 0058): the compaction, the rebuild. Writers add to
 * shards 1..32 and never move it. The report by expert keeps its ranking of the compacted rows of a
 * period while it stays the same (lib/reports/compacted-ranking.ts).
 */
export const reportExpertGeneration = pgTable(
  "report_expert_generation",
  {
    id: smallint("id").primaryKey().default(1),
    generation: bigint("generation", { mode: "number" }).notNull().default(0),
    /** report_expert_changes holds the experts of every generation above this one (migration 0060). */
    loggedAfter: bigint("logged_after", { mode: "number" }).notNull().default(0),
  },
  () => [check("report_expert_generation_one_row", sql`id = 1`)],
);

/**
 * The experts whose compacted rows each generation changed (migration 0060), kept for the last 1,024
 * generations: a kept ranking of a period's compacted rows is brought up to date by working out
 * those experts again, not the whole roster (lib/reports/compacted-ranking.ts).
 */
export const reportExpertChanges = pgTable(
  "report_expert_changes",
  {
    generation: bigint("generation", { mode: "number" }).notNull(),
    key: text("key").notNull(),
  },
  (t) => [primaryKey({ name: "report_expert_changes_pkey", columns: [t.generation, t.key] })],
);

/**
 * Worked-out rankings of a period's compacted expert rows, as of a generation: a process that has
 * none of its own (a new one, another one behind the same load balancer) takes the stored one and
 * brings it up to date from report_expert_changes instead of ranking the whole roster again
 * (lib/reports/compacted-ranking.ts). `ranking` is JSON: [key, requests, requests resolved, disputes
 * opened, disputes resolved, claimed fen, recovered fen] per expert, best first. The sixteen last
 * stored are kept.
 */
export const reportExpertRankings = pgTable("report_expert_rankings", {
  /** The period and scope, as lib/reports/expert-ranking.ts names them. */
  id: text("id").primaryKey(),
  generation: bigint("generation", { mode: "number" }).notNull(),
  ranking: text("ranking").notNull(),
  storedAt: timestamp("stored_at", { withTimezone: true }).notNull().defaultNow(),
});
