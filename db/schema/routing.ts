import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { offerStatusEnum } from "./enums";
import { requests } from "./requests";
import { experts } from "./roster";

/** One offer of one request to one expert. At most one pending and one accepted per request. */
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
    reasons: jsonb("reasons").notNull().default(sql`'[]'::jsonb`),
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
    uniqueIndex("offers_one_accepted_per_request").on(t.requestId).where(sql`${t.status} = 'accepted'`),
    uniqueIndex("offers_one_pending_per_request").on(t.requestId).where(sql`${t.status} = 'pending'`),
    index("offers_expert_idx").on(t.expertId, t.status),
    index("offers_request_idx").on(t.requestId),
    index("offers_pending_expiry_idx").on(t.expiresAt).where(sql`${t.status} = 'pending'`),
  ],
);
