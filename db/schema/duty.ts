import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { enterprises, stations, users } from "./accounts";
import { bookingStatusEnum, companyVisitStatusEnum, dutyPeriodEnum, dutySessionStatusEnum } from "./enums";
import { requests } from "./requests";
import { experts } from "./roster";

/**
 * A duty session (坐诊): an expert at a station on a date, for a half-day or the whole day, with a
 * number of consultation slots. Planned by the station's staff or the district's admins; the expert
 * confirms or declines. Sessions made in one step from a recurring pattern share a `seriesId`.
 * `booked` counts the live bookings (booked or attended or no_show): a booking is one conditional
 * UPDATE (`booked < slots`), so a session never takes more than it has, however many book at once.
 */
export const dutySessions = pgTable(
  "duty_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    stationId: uuid("station_id")
      .notNull()
      .references(() => stations.id),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => experts.id),
    date: date("date").notNull(),
    period: dutyPeriodEnum("period").notNull(),
    slots: smallint("slots").notNull(),
    booked: smallint("booked").notNull().default(0),
    status: dutySessionStatusEnum("status").notNull().default("planned"),
    seriesId: uuid("series_id"),
    plannedBy: uuid("planned_by")
      .notNull()
      .references(() => users.id),
    /** The expert's reason for declining, or the planner's for cancelling. */
    reason: text("reason"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    heldAt: timestamp("held_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("duty_sessions_station_date_idx").on(t.stationId, t.date),
    index("duty_sessions_expert_date_idx").on(t.expertId, t.date),
    index("duty_sessions_series_idx")
      .on(t.seriesId)
      .where(sql`${t.seriesId} is not null`),
    check("duty_sessions_slots_check", sql`${t.slots} between 1 and 50`),
    check("duty_sessions_booked_check", sql`${t.booked} between 0 and ${t.slots}`),
  ],
);

/**
 * Where an expert is, by half-day: one row per half a live session (planned, confirmed or held)
 * occupies (a whole day takes both). The primary key is the rule "an expert is never in two places
 * at once", kept by the database however many planners plan at the same moment; a declined or
 * cancelled session gives its halves back.
 */
export const dutyExpertHalves = pgTable(
  "duty_expert_halves",
  {
    expertId: uuid("expert_id")
      .notNull()
      .references(() => experts.id),
    date: date("date").notNull(),
    half: text("half").notNull(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => dutySessions.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.expertId, t.date, t.half] }),
    index("duty_expert_halves_session_idx").on(t.sessionId),
    check("duty_expert_halves_half_check", sql`${t.half} in ('am', 'pm')`),
  ],
);

/**
 * A consultation booked on a duty session (约诊): by a company member for their company, or by
 * station staff for a caller or a walk-in. One live booking per contact phone per session.
 */
export const dutyBookings = pgTable(
  "duty_bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => dutySessions.id),
    bookedBy: uuid("booked_by")
      .notNull()
      .references(() => users.id),
    /** The company, when a company member booked. */
    enterpriseId: uuid("enterprise_id").references(() => enterprises.id),
    topic: text("topic").notNull(),
    contactName: text("contact_name").notNull(),
    contactPhone: text("contact_phone").notNull(),
    status: bookingStatusEnum("status").notNull().default("booked"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** When staff marked attendance (attended or no_show). */
    markedAt: timestamp("marked_at", { withTimezone: true }),
    markedBy: uuid("marked_by").references(() => users.id),
    /** The expert's short note of the advice given. */
    adviceNote: text("advice_note"),
    /** The request this consultation became, if any. */
    requestId: uuid("request_id").references(() => requests.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("duty_bookings_session_idx").on(t.sessionId),
    index("duty_bookings_booked_by_idx").on(t.bookedBy),
    uniqueIndex("duty_bookings_one_per_phone")
      .on(t.sessionId, t.contactPhone)
      .where(sql`${t.status} <> 'cancelled'`),
    uniqueIndex("duty_bookings_request_idx")
      .on(t.requestId)
      .where(sql`${t.requestId} is not null`),
  ],
);

/**
 * A private calendar feed (.ics): one per expert (by user) and one per station. The token is the
 * whole secret of the URL; resetting it makes a new one and the old URL stops working.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => users.id),
    stationId: uuid("station_id").references(() => stations.id),
    token: text("token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("calendar_feeds_token").on(t.token),
    uniqueIndex("calendar_feeds_user")
      .on(t.userId)
      .where(sql`${t.userId} is not null`),
    uniqueIndex("calendar_feeds_station")
      .on(t.stationId)
      .where(sql`${t.stationId} is not null`),
    check("calendar_feeds_owner_check", sql`(${t.userId} is null) <> (${t.stationId} is null)`),
  ],
);

/**
 * A visit to a company (巡诊), e.g. a legal check-up (法治体检): planned by an expert or an admin, confirmed
 * (or declined) by the company, and done when the expert records the findings.
 */
export const companyVisits = pgTable(
  "company_visits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => experts.id),
    plannedBy: uuid("planned_by")
      .notNull()
      .references(() => users.id),
    visitOn: date("visit_on").notNull(),
    purpose: text("purpose").notNull(),
    status: companyVisitStatusEnum("status").notNull().default("proposed"),
    /** The company's reason for declining, or the planner's for cancelling. */
    reason: text("reason"),
    /** The expert's summary when the visit is done. */
    summary: text("summary"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("company_visits_enterprise_idx").on(t.enterpriseId, t.visitOn), index("company_visits_expert_idx").on(t.expertId, t.visitOn)],
);

/** What a visit found and recommends; a finding that needs work can become a request for the company. */
export const companyVisitFindings = pgTable(
  "company_visit_findings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    visitId: uuid("visit_id")
      .notNull()
      .references(() => companyVisits.id),
    finding: text("finding").notNull(),
    recommendation: text("recommendation").notNull().default(""),
    needsWork: boolean("needs_work").notNull().default(false),
    requestId: uuid("request_id").references(() => requests.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("company_visit_findings_visit_idx").on(t.visitId),
    uniqueIndex("company_visit_findings_request_idx")
      .on(t.requestId)
      .where(sql`${t.requestId} is not null`),
  ],
);

/** Hours an expert records on a case (with duty sessions held, the expert's service hours). */
export const caseHours = pgTable(
  "case_hours",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => experts.id),
    workedOn: date("worked_on").notNull(),
    /** Minutes, so a half hour is exact. */
    minutes: smallint("minutes").notNull(),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("case_hours_request_idx").on(t.requestId),
    index("case_hours_expert_idx").on(t.expertId, t.workedOn),
    check("case_hours_minutes_check", sql`${t.minutes} between 1 and 1440`),
  ],
);
