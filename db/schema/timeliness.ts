import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { deadlineKindEnum, userRoleEnum } from "./enums";
import { requests } from "./requests";
import { experts } from "./roster";
import { offers } from "./routing";

/**
 * One service-level clock per step of a case (lib/timeliness/sweep.ts opens, reminds, breaches and
 * closes them): triage, an offer's answer, the first contact, the resolution, a silence (stale).
 * A step that starts again (a request filed again, a case accepted again, a new silence) is a new
 * row, told apart by `started_at`. "Sent once" rests on these rows: a reminder or a breach is one
 * conditional UPDATE (`reminded_at is null`, `breached_at is null`) whose RETURNING decides who is told.
 */
export const deadlines = pgTable(
  "deadlines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: deadlineKindEnum("kind").notNull(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id),
    /** The offer, for kind "offer" (an offer is its own step; several may run at once). */
    offerId: uuid("offer_id").references(() => offers.id),
    /** When the step started: filing, the offer, acceptance, or the last activity before a silence. */
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    /** Who owes the step: the admins of the district (triage) or an expert. */
    owedByRole: userRoleEnum("owed_by_role").notNull(),
    owedByUserId: uuid("owed_by_user_id").references(() => users.id),
    owedByExpertId: uuid("owed_by_expert_id").references(() => experts.id),
    /** The request's district (county code), for scoping and reports. */
    regionCode: text("region_code").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    /** When the one reminder is due; null for none (an offer's expert is reminded by routing). */
    remindAt: timestamp("remind_at", { withTimezone: true }),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    /** Set once, when the step was not done by its deadline (for "stale": the escalation). */
    breachedAt: timestamp("breached_at", { withTimezone: true }),
    /** When the step ended: done, or over without being done (see `lapsed`). */
    doneAt: timestamp("done_at", { withTimezone: true }),
    /** It ended without its owner doing it: request withdrawn, offer lapsed or withdrawn, case taken back. */
    lapsed: boolean("lapsed").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("deadlines_one_per_step")
      .on(t.kind, t.requestId, t.startedAt)
      .where(sql`${t.offerId} is null`),
    uniqueIndex("deadlines_one_per_offer")
      .on(t.offerId)
      .where(sql`${t.offerId} is not null`),
    index("deadlines_open_idx")
      .on(t.dueAt)
      .where(sql`${t.doneAt} is null`),
    index("deadlines_request_idx").on(t.requestId),
    index("deadlines_region_due_idx").on(t.regionCode, t.dueAt),
    index("deadlines_breached_idx")
      .on(t.breachedAt)
      .where(sql`${t.breachedAt} is not null`),
    // The sweep's steps to mark as breached (lib/timeliness/sweep.ts, breachCandidates): the clocks
    // met on time drop out of it, so the sweep does not read every clock ever kept.
    index("deadlines_unbreached_due_idx")
      .on(t.dueAt)
      .where(
        sql`${t.breachedAt} is null and (${t.doneAt} is null or ${t.doneAt} > ${t.dueAt} or (${t.lapsed} and ${t.kind} = 'offer' and ${t.doneAt} >= ${t.dueAt}))`,
      ),
    // An expert's open steps (the calendar feed), without reading every open step of the zone.
    index("deadlines_expert_open_idx")
      .on(t.owedByExpertId, t.dueAt)
      .where(sql`${t.doneAt} is null`),
    check("deadlines_owner_check", sql`${t.owedByRole} in ('admin', 'expert')`),
  ],
);

/** An appointment's renewal reminders (90, 30 and 7 days before the term ends), each sent once. */
export const renewalReminders = pgTable(
  "renewal_reminders",
  {
    expertId: uuid("expert_id")
      .notNull()
      .references(() => experts.id),
    termEnd: date("term_end").notNull(),
    /** Days before the end: 90, 30 or 7. */
    stage: smallint("stage").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.expertId, t.termEnd, t.stage] }), check("renewal_reminders_stage_check", sql`${t.stage} in (90, 30, 7)`)],
);
