import { sql, type SQL } from "drizzle-orm";
import { db, rowsOf, type DbOrTx } from "@/db";
import { deadlines } from "@/db/schema";
import { currentTime } from "@/lib/clock";
import type { DeadlineKind } from "@/lib/enums";
import { recordEvent } from "@/lib/events/record-event";
import { adminsOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { dueAt, reminderAt, staleRemindAt } from "./deadlines";
import { remindRenewals } from "./renewals";
import { getServiceLevels } from "./service-levels";
import type { ServiceLevels } from "./schemas";

/*
 * Job `timeliness.sweep` (every 5 minutes): the service-level clocks of every live case, in five
 * set-based passes, each in small transactions. Whatever runs it twice, at once or after a crash,
 * nobody is told twice: a reminder or a breach is one conditional UPDATE on the clock's row
 * (`reminded_at is null`, `breached_at is null`, rows another sweep holds are skipped), and who is
 * told comes from its RETURNING, in the same transaction.
 *
 * A clock opens when the sweep first sees its step live: a submitted request (triage), a pending
 * offer, an accepted case (first contact, resolution), a case silent for `staleDays`. A step that
 * starts and ends between two sweeps (five minutes) has no clock. Its end is read from the data
 * (the decision, the answer, the first contact, the resolution), so `done_at` is when it happened,
 * not when the sweep noticed.
 */

const BATCH = 200;
const DAY_MS = 86_400_000;
/** How far back the sweep looks for steps that began (and perhaps ended) since it last ran. */
const LOOKBACK_DAYS = 7;
const at = (moment: Date) => sql`${moment.toISOString()}::timestamptz`;
const ms = (column: SQL) => sql`(extract(epoch from ${column}) * 1000)::float8`;

/** The latest acceptance of a case: a case taken back and accepted again starts its clocks again. */
const acceptedSince = sql`coalesce((select max(e.at) from events e where e.request_id = r.id and e.type = 'request.accept'), r.accepted_at)`;
/** Since when a submitted request waits for triage: its filing, or its last resubmission. */
const submittedSince = sql`coalesce((select max(e.at) from events e where e.request_id = r.id and e.type = 'request.resubmit'), r.submitted_at)`;
/** The last thing that happened on a case (its own deadline events aside). */
const lastActivity = sql`greatest(
  ${acceptedSince},
  (select max(e.at) from events e where e.request_id = r.id and e.type not like 'request.deadline%'),
  (select max(m.created_at) from messages m where m.request_id = r.id),
  (select max(c.contacted_at) from request_contacts c where c.request_id = r.id),
  (select max(a.created_at) from attachments a where a.request_id = r.id))`;

export interface SweepResult {
  opened: number;
  done: number;
  reminded: number;
  breached: number;
  renewals: number;
}

/** Runs every pass once, at `currentTime()`. */
export async function sweepDeadlines(): Promise<SweepResult> {
  const now = currentTime();
  const levels = await getServiceLevels();
  const opened = await openClocks(now, levels);
  const done = await closeClocks(now);
  const reminded = await sendReminders(now);
  const breached = await recordBreaches(now);
  const renewals = await remindRenewals(now);
  return { opened, done, reminded, breached, renewals };
}

interface Candidate {
  requestId: string;
  offerId: string | null;
  /** The start, exact to the microsecond, as the database writes it (the clock's identity). */
  startKey: string;
  startMs: number;
  dueMs: number | null;
  regionCode: string;
  urgency: string;
  category: string;
  expertId: string | null;
  userId: string | null;
}

const candidateColumns = (start: SQL) => sql`
  r.id as "requestId", ${start}::text as "startKey", ${ms(start)} as "startMs", r.region_code as "regionCode",
  r.urgency::text as urgency, r.category::text as category`;

/** Steps that are live and have no clock yet, by kind. */
export function candidates(kind: DeadlineKind, now: Date, levels: ServiceLevels): SQL {
  const none = (start: SQL) =>
    sql`not exists (select 1 from deadlines d where d.kind = ${kind} and d.request_id = r.id and d.offer_id is null and d.started_at = ${start} offset 0)`;
  // Steps that began and ended between two sweeps still get their clock, closed at once, so the
  // compliance figures count the quick ones too (unless the sweeps stopped for longer than this).
  const lookback = at(new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS));
  // The requests whose step may be live or recent: in the state `live`, or changed since the look-back
  // (a step's start is a state change, which sets updated_at); the rest are history and not read.
  // `offset 0` keeps each request's start computed once (not once per use in the plan), and the
  // look-up of its clock a probe of the index per candidate, whatever the table statistics say.
  const recent = (live: SQL) => sql`(select * from requests r where ${live} or r.updated_at >= ${lookback}) r`;
  const expert = sql`r.assigned_expert_id as "expertId", (select x.user_id from experts x where x.id = r.assigned_expert_id) as "userId"`;
  switch (kind) {
    case "triage":
      return sql`select ${candidateColumns(sql`s.since`)}, null as "offerId", null as "dueMs", null as "expertId", null as "userId"
        from ${recent(sql`r.status = 'submitted'`)} cross join lateral (select ${submittedSince} as since offset 0) s
        where (r.status = 'submitted' or s.since >= ${lookback}) and ${none(sql`s.since`)} limit ${BATCH}`;
    case "offer":
      return sql`select ${candidateColumns(sql`o.created_at`)}, o.id as "offerId", ${ms(sql`o.expires_at`)} as "dueMs",
          o.expert_id as "expertId", x.user_id as "userId"
        from offers o join requests r on r.id = o.request_id join experts x on x.id = o.expert_id
        where (o.status = 'pending' or o.created_at >= ${lookback}) and not exists (select 1 from deadlines d where d.offer_id = o.id) limit ${BATCH}`;
    case "contact":
    case "resolution":
      return sql`select ${candidateColumns(sql`s.since`)}, null as "offerId", null as "dueMs", ${expert}
        from ${recent(sql`r.status in ('accepted', 'in_progress')`)} cross join lateral (select ${acceptedSince} as since offset 0) s
        where r.assigned_expert_id is not null and r.accepted_at is not null
          and (r.status in ('accepted', 'in_progress') or s.since >= ${lookback}) and ${none(sql`s.since`)} limit ${BATCH}`;
    case "stale": {
      const silentSince = at(new Date(now.getTime() - levels.staleDays * DAY_MS));
      return sql`select * from (
          select ${candidateColumns(sql`l.last`)}, null as "offerId", null as "dueMs", ${expert}
          from requests r cross join lateral (select ${lastActivity} as last offset 0) l
          where r.status in ('accepted', 'in_progress') and r.assigned_expert_id is not null and r.accepted_at <= ${silentSince}
            and l.last <= ${silentSince}
            and not exists (select 1 from deadlines d where d.kind = 'stale' and d.request_id = r.id and d.started_at = l.last offset 0)
        ) c limit ${BATCH}`;
    }
  }
}

/** Opens a clock for every live step without one; answers how many were opened. */
async function openClocks(now: Date, levels: ServiceLevels): Promise<number> {
  let opened = 0;
  for (const kind of ["triage", "offer", "contact", "resolution", "stale"] as const) {
    for (;;) {
      const rows = rowsOf<Candidate>(await db.execute(candidates(kind, now, levels)));
      if (!rows.length) break;
      const values = rows.map((row) => {
        const start = new Date(Number(row.startMs));
        const due = kind === "offer" ? new Date(Number(row.dueMs)) : dueAt(kind, start, levels, row);
        const remind = kind === "offer" ? null : kind === "stale" ? staleRemindAt(start, levels) : reminderAt(start, due);
        return {
          kind,
          requestId: row.requestId,
          offerId: row.offerId,
          startedAt: sql`${row.startKey}::timestamptz`,
          owedByRole: kind === "triage" ? ("admin" as const) : ("expert" as const),
          owedByUserId: row.userId,
          owedByExpertId: row.expertId,
          regionCode: row.regionCode,
          dueAt: due,
          remindAt: remind,
          createdAt: now,
        };
      });
      const inserted = await db.insert(deadlines).values(values).onConflictDoNothing().returning({ id: deadlines.id });
      opened += inserted.length;
      // Another sweep opened the same clocks at the same time: what is left is theirs.
      if (rows.length < BATCH || !inserted.length) break;
    }
  }
  return opened;
}

/**
 * When each kind's open step ended, and whether without its owner doing it (`lapsed`), from the
 * data: the columns `done` and `lapsed` of the request `r` and the clock `d`, null when not over.
 */
const endings: Record<DeadlineKind, { join?: SQL; done: SQL; lapsed: SQL }> = {
  triage: {
    done: sql`case when r.status <> 'submitted' or ${submittedSince} > d.started_at then coalesce(
      (select min(e.at) from events e where e.request_id = r.id and e.at >= d.started_at
         and e.type in ('request.triage', 'request.return', 'request.reject', 'request.withdraw')),
      r.triaged_at, r.updated_at) end`,
    lapsed: sql`r.status = 'withdrawn'`,
  },
  offer: {
    join: sql`join offers o on o.id = d.offer_id`,
    done: sql`case when o.status <> 'pending' then
      case when o.status = 'expired' then o.expires_at else coalesce(o.answered_at, r.updated_at) end end`,
    lapsed: sql`o.status in ('expired', 'withdrawn')`,
  },
  contact: {
    done: sql`coalesce(
      (select min(c.contacted_at) from request_contacts c where c.request_id = r.id and c.contacted_at >= d.started_at),
      case when r.status not in ('accepted', 'in_progress') or ${acceptedSince} > d.started_at then coalesce(r.resolved_at, r.updated_at) end)`,
    lapsed: sql`not exists (select 1 from request_contacts c where c.request_id = r.id and c.contacted_at >= d.started_at)`,
  },
  resolution: {
    done: sql`case when r.status in ('resolved', 'closed') and r.resolved_at >= d.started_at then r.resolved_at
      when r.status not in ('accepted', 'in_progress', 'resolved', 'closed') or ${acceptedSince} > d.started_at then r.updated_at end`,
    lapsed: sql`r.status not in ('resolved', 'closed')`,
  },
  stale: {
    done: sql`case when ${lastActivity} > d.started_at then ${lastActivity}
      when r.status not in ('accepted', 'in_progress') then r.updated_at end`,
    lapsed: sql`false`,
  },
};

/**
 * Marks every open clock whose step is over; answers how many. Nothing is locked to read: the
 * UPDATE is conditional (`done_at is null`), so two sweeps at once mark each clock once.
 */
async function closeClocks(now: Date): Promise<number> {
  let closed = 0;
  for (const [kind, ending] of Object.entries(endings) as [DeadlineKind, (typeof endings)[DeadlineKind]][]) {
    const rows = rowsOf<{ id: string }>(
      await db.execute(sql`
        with ended as (
          select d.id, ${ending.done} as done, ${ending.lapsed} as lapsed
          from deadlines d join requests r on r.id = d.request_id ${ending.join ?? sql``}
          where d.kind = ${kind} and d.done_at is null
        )
        update deadlines set done_at = least(ended.done, ${at(now)}), lapsed = ended.lapsed
        from ended where deadlines.id = ended.id and ended.done is not null and deadlines.done_at is null
        returning deadlines.id`),
    );
    closed += rows.length;
  }
  return closed;
}

interface Due {
  id: string;
  kind: DeadlineKind;
  requestId: string;
  offerId: string | null;
  regionCode: string;
  owedByUserId: string | null;
  dueMs: number;
  openedMs: number;
}

const dueColumns = sql`deadlines.id, deadlines.kind::text as kind, deadlines.request_id as "requestId", deadlines.offer_id as "offerId",
  deadlines.region_code as "regionCode", deadlines.owed_by_user_id as "owedByUserId", ${ms(sql`deadlines.due_at`)} as "dueMs",
  ${ms(sql`deadlines.created_at`)} as "openedMs"`;

/** Runs `pass` in small transactions until it finds nothing more; answers how many rows it took. */
async function inBatches(pass: (tx: DbOrTx) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const taken = await db.transaction(pass);
    total += taken;
    if (taken < BATCH) return total;
  }
}

/** The accounts owing a step: its expert, or the admins of its district for triage. */
async function owners(row: Due, admins: (region: string) => Promise<string[]>): Promise<string[]> {
  return row.owedByUserId ? [row.owedByUserId] : admins(row.regionCode);
}

function adminsCache(tx: DbOrTx): (region: string) => Promise<string[]> {
  const known = new Map<string, Promise<string[]>>();
  return (region) => {
    if (!known.has(region)) known.set(region, adminsOf(tx, region));
    return known.get(region)!;
  };
}

/** Reminds the owner of every open step whose reminder is due and whose deadline is not yet. */
async function sendReminders(now: Date): Promise<number> {
  return inBatches(async (tx) => {
    const rows = rowsOf<Due>(
      await tx.execute(sql`
        with due as (
          select id from deadlines
          where reminded_at is null and done_at is null and remind_at <= ${at(now)} and due_at > ${at(now)}
          order by remind_at limit ${BATCH} for update skip locked
        )
        update deadlines set reminded_at = ${at(now)} from due
        where deadlines.id = due.id and deadlines.reminded_at is null
        returning ${dueColumns}`),
    );
    const admins = adminsCache(tx);
    for (const row of rows) {
      await notify(tx, {
        userIds: await owners(row, admins),
        kind: "deadline.reminder",
        requestId: row.requestId,
        data: { step: row.kind, dueAt: new Date(Number(row.dueMs)).toISOString(), ...(row.offerId ? { offerId: row.offerId } : {}) },
      });
    }
    return rows.length;
  });
}

/** The steps past their deadline and not done by it, a batch at a time (through deadlines_unbreached_due_idx). */
export const breachCandidates = (now: Date) => sql`select id from deadlines
  where breached_at is null and due_at <= ${at(now)}
    and (done_at is null or done_at > due_at or (lapsed and kind = 'offer' and done_at >= due_at))
  order by due_at limit ${BATCH}`;

/**
 * Every step past its deadline and not done by it (still open, done late, or lapsed at or after
 * it): marks the breach once, puts it on the case's timeline and tells the district's admins and
 * the expert who owes it.
 */
async function recordBreaches(now: Date): Promise<number> {
  return inBatches(async (tx) => {
    const rows = rowsOf<Due>(
      await tx.execute(sql`
        with due as (${breachCandidates(now)} for update skip locked)
        update deadlines set breached_at = ${at(now)} from due
        where deadlines.id = due.id and deadlines.breached_at is null
        returning ${dueColumns}`),
    );
    const admins = adminsCache(tx);
    for (const row of rows) {
      // Missed more than a day before its clock opened (the first sweep after installing, or after a
      // long stop): a breach in the figures, but nobody is told of old history all at once.
      if (Number(row.dueMs) < Number(row.openedMs) - DAY_MS) continue;
      const dueAt = new Date(Number(row.dueMs)).toISOString();
      const data = { step: row.kind, dueAt, ...(row.offerId ? { offerId: row.offerId } : {}) };
      await recordEvent(tx, null, {
        type: "request.deadline_breached",
        entityType: "request",
        entityId: row.requestId,
        requestId: row.requestId,
        data: { kind: row.kind, dueAt, deadlineId: row.id, ...(row.offerId ? { offerId: row.offerId } : {}) },
      });
      const userIds = [...(await admins(row.regionCode)), ...(row.owedByUserId ? [row.owedByUserId] : [])];
      await notify(tx, { userIds, kind: "deadline.breached", requestId: row.requestId, data });
    }
    return rows.length;
  });
}
