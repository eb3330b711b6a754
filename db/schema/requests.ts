import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { enterprises, stations, users } from "./accounts";
import { bytea } from "./columns";
import { channelEnum, contactMethodEnum, requestCategoryEnum, requestStatusEnum, serviceModeEnum, urgencyEnum } from "./enums";
import { regions, specialties } from "./reference";
import { experts } from "./roster";

export const requests = pgTable(
  "requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /**
     * 受理编号, e.g. "JS-2026-00123": district prefix, year of filing (Asia/Shanghai), sequence per
     * district and year. Set by the `requests_case_number` trigger (migration 0023) on every insert
     * that leaves it empty, from `case_number_counters`.
     */
    caseNumber: text("case_number").notNull().default(""),
    title: text("title").notNull(),
    category: requestCategoryEnum("category").notNull(),
    description: text("description").notNull(),
    status: requestStatusEnum("status").notNull().default("submitted"),
    urgency: urgencyEnum("urgency").notNull().default("normal"),
    channel: channelEnum("channel").notNull().default("web"),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    language: text("language"),
    serviceMode: serviceModeEnum("service_mode"),
    amountAtStakeFen: bigint("amount_at_stake_fen", { mode: "bigint" })
      .notNull()
      .default(sql`0`),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    filedByUserId: uuid("filed_by_user_id")
      .notNull()
      .references(() => users.id),
    stationId: uuid("station_id").references(() => stations.id),
    preferredExpertId: uuid("preferred_expert_id").references(() => experts.id),
    assignedExpertId: uuid("assigned_expert_id").references(() => experts.id),
    idempotencyKey: text("idempotency_key"),
    /** Set when the offer list ran out: back in the admin queue, flagged. */
    needsAttention: boolean("needs_attention").notNull().default(false),
    statusReason: text("status_reason"),
    referral: text("referral"),
    resolutionSummary: text("resolution_summary"),
    rating: smallint("rating"),
    ratingComment: text("rating_comment"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    triagedAt: timestamp("triaged_at", { withTimezone: true }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("requests_idempotency_key")
      .on(t.filedByUserId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    uniqueIndex("requests_case_number").on(t.caseNumber),
    index("requests_status_idx").on(t.status, t.submittedAt),
    index("requests_enterprise_idx").on(t.enterpriseId, t.submittedAt),
    index("requests_station_idx").on(t.stationId, t.submittedAt),
    index("requests_assigned_idx").on(t.assignedExpertId, t.status),
    // A region's requests by filing time: a town's reports count its acceptance times from its
    // requests (lib/reports/accept-times.ts), and every list filtered by region reads the prefix.
    index("requests_region_submitted_idx").on(t.regionCode, t.submittedAt),
    // The closed cases in the order they fall due for their return visit (lib/return-visits/queries.ts).
    index("requests_closed_idx")
      .on(t.closedAt, t.id)
      .where(sql`${t.status} = 'closed'`),
    // The sweep's requests changed since its look-back (lib/timeliness/sweep.ts).
    index("requests_updated_idx").on(t.updatedAt),
    // The requests needing an admin's attention, by region (the admin's overview and list).
    index("requests_attention_idx")
      .on(t.regionCode)
      .where(sql`${t.needsAttention}`),
    check("requests_amount_check", sql`${t.amountAtStakeFen} >= 0 and ${t.amountAtStakeFen} <= 9007199254740991`),
    check("requests_rating_check", sql`${t.rating} is null or ${t.rating} between 1 and 5`),
  ],
);

/** The last case number given per district prefix and year (see requests.caseNumber). */
export const caseNumberCounters = pgTable(
  "case_number_counters",
  {
    district: text("district").notNull(),
    year: integer("year").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.district, t.year] })],
);

export const requestSpecialties = pgTable(
  "request_specialties",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    specialtyCode: text("specialty_code")
      .notNull()
      .references(() => specialties.code),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.specialtyCode] })],
);

export const requestCounterparties = pgTable(
  "request_counterparties",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    nameNormalized: text("name_normalized").notNull(),
    creditCode: text("credit_code"),
  },
  (t) => [index("request_counterparties_request_idx").on(t.requestId)],
);

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    authorUserId: uuid("author_user_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("messages_request_idx").on(t.requestId, t.createdAt)],
);

/** Files stored in the database, so every app instance serves them. */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    filename: text("filename").notNull(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    content: bytea("content").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("attachments_request_idx").on(t.requestId), check("attachments_size_check", sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 10485760`)],
);

/**
 * The expert's contacts with the company after accepting (POST /requests/:id/contact): when, how,
 * and a note. The earliest one is the first contact the service level counts.
 */
export const requestContacts = pgTable(
  "request_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => experts.id),
    contactedAt: timestamp("contacted_at", { withTimezone: true }).notNull(),
    method: contactMethodEnum("method").notNull(),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("request_contacts_request_idx").on(t.requestId, t.contactedAt)],
);

/**
 * The law society's return visit (回访) after a case is closed: when, how, how satisfied the company
 * is, and a note. `method` is null on visits recorded before it was asked (migration 0027): nobody
 * knows how those were made, so none is made up. The note keeps its old column name, `summary`.
 */
export const returnVisits = pgTable(
  "return_visits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    visitedOn: date("visited_on").notNull(),
    visitedBy: uuid("visited_by")
      .notNull()
      .references(() => users.id),
    method: contactMethodEnum("method"),
    note: text("summary"),
    satisfaction: smallint("satisfaction").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("return_visits_request_idx").on(t.requestId), check("return_visits_satisfaction_check", sql`${t.satisfaction} between 1 and 5`)],
);

/**
 * A return visit that found the company dissatisfied (satisfaction 2 or less) opens a follow-up,
 * which the district's admins close with a note saying what was done. One per return visit.
 */
export const returnVisitFollowUps = pgTable(
  "return_visit_follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    returnVisitId: uuid("return_visit_id")
      .notNull()
      .references(() => returnVisits.id),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by").references(() => users.id),
    closingNote: text("closing_note"),
  },
  (t) => [
    uniqueIndex("return_visit_follow_ups_visit").on(t.returnVisitId),
    index("return_visit_follow_ups_request_idx").on(t.requestId),
    index("return_visit_follow_ups_open_idx")
      .on(t.openedAt)
      .where(sql`${t.closedAt} is null`),
    // Closed means all three (who, when, and a note that says something); open means none.
    check(
      "return_visit_follow_ups_closed_check",
      sql`(${t.closedAt} is null and ${t.closedBy} is null and ${t.closingNote} is null) or (${t.closedAt} is not null and ${t.closedBy} is not null and length(trim(${t.closingNote})) > 0)`,
    ),
  ],
);
