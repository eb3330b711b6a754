import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { expertStatusEnum, offerStatusEnum, serviceModeEnum } from "./enums";
import { requests } from "./requests";
import { experts } from "./roster";

/** A 64-bit transaction id, read as text (it is only compared in SQL). */
const xid8 = customType<{ data: string }>({ dataType: () => "xid8" });

/**
 * One offer of one request to one expert. At most one accepted per request; several may be pending
 * at once (first-responder offers of an urgent request, `parallelOffers` in the service levels), one
 * per expert.
 */
export const offers = pgTable(
  "offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => experts.id),
    status: offerStatusEnum("status").notNull().default("pending"),
    /** Position in the ranking when it was made, and its score and reasons (the "why"). */
    rank: integer("rank"),
    score: integer("score"),
    reasons: jsonb("reasons")
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Null when routing chose automatically; the admin who pinned or assigned otherwise. */
    offeredBy: uuid("offered_by").references(() => users.id),
    isManual: boolean("is_manual").notNull().default(false),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    declineReason: text("decline_reason"),
    declineNote: text("decline_note"),
  },
  (t) => [
    uniqueIndex("offers_one_accepted_per_request")
      .on(t.requestId)
      .where(sql`${t.status} = 'accepted'`),
    uniqueIndex("offers_one_pending_per_expert")
      .on(t.requestId, t.expertId)
      .where(sql`${t.status} = 'pending'`),
    index("offers_expert_idx").on(t.expertId, t.status),
    index("offers_request_idx").on(t.requestId),
    // The sweep's offers made since its look-back (lib/timeliness/sweep.ts)
    index("offers_created_idx").on(t.createdAt),
    index("offers_pending_expiry_idx")
      .on(t.expiresAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/**
 * One compact row per expert with everything ranking reads, so ranking a request is one indexed
 * scan of one table (a copy of the expert's eligibility fields, specialties and served regions,
 * live load and track record). Kept exact by database triggers, in the same transaction as every
 * write to experts, expert_specialties, expert_regions, offers and requests, whatever code makes
 * it (migration routing_profile_triggers); `refresh_expert_routing_profile(id)` recomputes a row
 * from the source tables. The source tables stay the truth; capacity is re-checked on acceptance.
 */
export const expertRoutingProfiles = pgTable(
  "expert_routing_profiles",
  {
    expertId: uuid("expert_id")
      .primaryKey()
      .references(() => experts.id, { onDelete: "cascade" }),
    status: expertStatusEnum("status").notNull(),
    termStart: date("term_start"),
    termEnd: date("term_end"),
    pausedUntil: date("paused_until"),
    capacity: integer("capacity").notNull(),
    homeRegionCode: text("home_region_code").notNull(),
    /**
     * The expert's name and years of practice, copied like the columns above: with the track
     * record below they make the directory's orders, so each order is one index on this table
     * (lib/roster/queries/experts.ts).
     */
    name: text("name").notNull().default(""),
    yearsOfPractice: integer("years_of_practice").notNull().default(0),
    languages: text("languages").array().notNull(),
    serviceModes: serviceModeEnum("service_modes").array().notNull(),
    specialties: text("specialties").array().notNull(),
    servedRegions: text("served_regions").array().notNull(),
    /** Requests assigned to the expert in accepted or in_progress. */
    activeCases: integer("active_cases").notNull().default(0),
    pendingOffers: integer("pending_offers").notNull().default(0),
    /** Offers answered: accepted (including cases later reassigned), declined, let expire. */
    offersAccepted: integer("offers_accepted").notNull().default(0),
    offersDeclined: integer("offers_declined").notNull().default(0),
    offersExpired: integer("offers_expired").notNull().default(0),
    /** Cases brought to resolved or closed, and cases taken away by reassignment. */
    casesResolved: integer("cases_resolved").notNull().default(0),
    casesReassigned: integer("cases_reassigned").notNull().default(0),
    ratingSum: integer("rating_sum").notNull().default(0),
    ratingCount: integer("rating_count").notNull().default(0),
    /** Offers received, each counting 1 at its time and halving every 14 days, as of rotation_at. */
    rotationHeat: doublePrecision("rotation_heat").notNull().default(0),
    rotationAt: timestamp("rotation_at", { withTimezone: true }),
    /**
     * Set by a trigger on every write: the row's revision (one more than before; writes to one
     * expert's row commit one after another) and the writing transaction. Ranking keeps the
     * profiles in memory and reads only the rows written since it last looked
     * (lib/routing/routing-snapshot.ts).
     */
    revision: bigint("revision", { mode: "number" }).notNull().default(1),
    writtenXid: xid8("written_xid")
      .notNull()
      .default(sql`pg_current_xact_id()`),
  },
  (t) => [
    index("expert_routing_profiles_specialties_idx").using("gin", t.specialties),
    index("expert_routing_profiles_written_idx").on(t.writtenXid),
    // The directory's three orders (relevance without a query, years of practice, rating), each
    // among the experts of one status and ending in name and id, so a page is read in order.
    index("expert_routing_profiles_directory_idx").on(
      t.status,
      t.casesResolved.desc().nullsFirst(),
      t.yearsOfPractice.desc().nullsFirst(),
      t.name,
      t.expertId,
    ),
    index("expert_routing_profiles_directory_years_idx").on(
      t.status,
      t.yearsOfPractice.desc().nullsFirst(),
      t.casesResolved.desc().nullsFirst(),
      t.name,
      t.expertId,
    ),
    index("expert_routing_profiles_directory_rating_idx").on(
      t.status,
      sql`round(${t.ratingSum}::numeric / nullif(${t.ratingCount}, 0), 1) desc nulls last`,
      t.ratingCount.desc().nullsFirst(),
      t.casesResolved.desc().nullsFirst(),
      t.name,
      t.expertId,
    ),
  ],
);
