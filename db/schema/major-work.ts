import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { appraisalGradeEnum, panelMemberStatusEnum, referralBodyKindEnum, typicalCaseStatusEnum } from "./enums";
import { requests } from "./requests";
import { experts } from "./roster";

// The society's major work (issue 16): referrals from government bodies, joint consultations by
// panels of experts, typical cases, and the annual appraisal of experts.

/**
 * A request referred by a government body (channel `referral`): who referred it and whom to tell of
 * the outcome. The reply letter (回复函) is drafted from the case; `replyIssuedAt` records when an
 * admin issued it.
 */
export const requestReferrals = pgTable("request_referrals", {
  requestId: uuid("request_id")
    .primaryKey()
    .references(() => requests.id, { onDelete: "cascade" }),
  /** The referring body as written, e.g. 县信访局. */
  body: text("body").notNull(),
  kind: referralBodyKindEnum("kind").notNull().default("other"),
  contactName: text("contact_name").notNull(),
  contactPhone: text("contact_phone").notNull(),
  /** The body's own file number (来文编号), when it gave one. */
  reference: text("reference"),
  replyIssuedAt: timestamp("reply_issued_at", { withTimezone: true }),
  replyIssuedBy: uuid("reply_issued_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A member of a case's joint-consultation panel (会诊). The lead is the request's assigned expert and
 * is not a row here; members read the case, post messages and notes, and never hold it. One live
 * (invited or accepted) row per expert and request.
 */
export const panelMembers = pgTable(
  "panel_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => experts.id),
    status: panelMemberStatusEnum("status").notNull().default("invited"),
    invitedBy: uuid("invited_by")
      .notNull()
      .references(() => users.id),
    invitedAt: timestamp("invited_at", { withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    /** The expert's reason for declining, or the reason for removing the member. */
    reason: text("reason"),
  },
  (t) => [
    uniqueIndex("panel_members_live_key")
      .on(t.requestId, t.expertId)
      .where(sql`${t.status} in ('invited', 'accepted')`),
    index("panel_members_expert_idx").on(t.expertId, t.status),
    index("panel_members_request_idx").on(t.requestId),
  ],
);

/** Internal notes on a case (lead, panel members, admins); the company does not see them. */
export const caseNotes = pgTable(
  "case_notes",
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
  (t) => [index("case_notes_request_idx").on(t.requestId, t.createdAt)],
);

/** A panel's opinion (会诊意见), recorded by the lead or an admin, with the members who agreed. */
export const panelOpinions = pgTable(
  "panel_opinions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    body: text("body").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("panel_opinions_request_idx").on(t.requestId, t.recordedAt)],
);

export const panelOpinionMembers = pgTable(
  "panel_opinion_members",
  {
    opinionId: uuid("opinion_id")
      .notNull()
      .references(() => panelOpinions.id, { onDelete: "cascade" }),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => experts.id),
  },
  (t) => [primaryKey({ columns: [t.opinionId, t.expertId] })],
);

/**
 * A typical case (典型案例) drafted from a closed request: an anonymised account in Chinese (and
 * optionally English). The figures are taken from the ledger when drafted and again when published,
 * never typed. The company's consent to be named is recorded; without it the account names nobody.
 */
export const typicalCases = pgTable(
  "typical_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    status: typicalCaseStatusEnum("status").notNull().default("draft"),
    titleZh: text("title_zh").notNull(),
    titleEn: text("title_en"),
    storyZh: text("story_zh").notNull(),
    storyEn: text("story_en"),
    companyConsent: boolean("company_consent").notNull().default(false),
    consentRecordedBy: uuid("consent_recorded_by").references(() => users.id),
    consentRecordedAt: timestamp("consent_recorded_at", { withTimezone: true }),
    disputesResolved: integer("disputes_resolved").notNull().default(0),
    recoveredFen: bigint("recovered_fen", { mode: "bigint" })
      .notNull()
      .default(sql`0`),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: uuid("published_by").references(() => users.id),
  },
  (t) => [
    // One live typical case per request (a withdrawn one may be drafted again).
    uniqueIndex("typical_cases_request_key")
      .on(t.requestId)
      .where(sql`${t.status} <> 'withdrawn'`),
    index("typical_cases_published_idx").on(t.status, t.publishedAt),
    check("typical_cases_recovered_check", sql`${t.recoveredFen} >= 0`),
  ],
);

/**
 * The annual appraisal (年度考核) of an expert for a year: the grade and comment the district's
 * admins recorded, and the scorecard's figures as they stood when graded (the live scorecard is
 * computed from the record). Experts graded `excellent` are the year's commended experts.
 */
export const appraisals = pgTable(
  "appraisals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => experts.id),
    year: smallint("year").notNull(),
    grade: appraisalGradeEnum("grade").notNull(),
    comment: text("comment").notNull(),
    figures: jsonb("figures").notNull(),
    gradedBy: uuid("graded_by")
      .notNull()
      .references(() => users.id),
    gradedAt: timestamp("graded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("appraisals_expert_year_key").on(t.expertId, t.year), index("appraisals_year_idx").on(t.year, t.grade)],
);
