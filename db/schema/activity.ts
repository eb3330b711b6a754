import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { apiTokens, users } from "./accounts";
import { requests } from "./requests";

/**
 * Timeline and audit trail in one: every state change writes a row in the same transaction.
 * Rows about a request carry request_id (its timeline); roster decisions carry the expert's id.
 */
export const events = pgTable(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    type: text("type").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    requestId: uuid("request_id").references(() => requests.id),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    /** A role, or "system" for deadlines and scheduled work. */
    actorRole: text("actor_role").notNull(),
    /** Written through an API token: the token, and the admin who issued it. */
    tokenId: uuid("token_id").references(() => apiTokens.id),
    issuerId: uuid("issuer_id").references(() => users.id),
    /**
     * The district (GB/T 2260 county code) the event's record belongs to; null = zone-wide. Filled
     * by the events_fill_region trigger from the entity when the writer leaves it null (migration 0024).
     */
    regionCode: text("region_code"),
    reason: text("reason"),
    data: jsonb("data"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("events_request_idx").on(t.requestId, t.at),
    // A request's latest event of a type (its last acceptance, resubmission: lib/timeliness/sweep.ts).
    index("events_request_type_at_idx").on(t.requestId, t.type, t.at),
    index("events_entity_idx").on(t.entityType, t.entityId, t.at),
    // The audit trail's reads: a district's events, everything by time, one actor's, one type's.
    index("events_region_at_idx").on(t.regionCode, t.at),
    index("events_at_idx").on(t.at),
    index("events_actor_idx").on(t.actorUserId, t.at),
    index("events_type_at_idx").on(t.type, t.at),
    // The end of a term is written once, whichever process's daily job gets there first.
    uniqueIndex("events_appointment_ended_once")
      .on(t.entityId, sql`(${t.data} ->> 'termEnd')`)
      .where(sql`${t.type} = 'expert.appointmentEnded'`),
  ],
);

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    requestId: uuid("request_id").references(() => requests.id),
    data: jsonb("data"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt, t.createdAt)],
);
