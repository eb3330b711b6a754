import { sql } from "drizzle-orm";
import { db, rowsOf } from "@/db";
import { todayInShanghai } from "@/lib/clock";

/**
 * The daily job "roster.end-appointments": an appointment ends on its end date with no manual step
 * (isTermCurrent), and this puts that on the expert's audit trail the day it happens. One
 * "expert.appointmentEnded" event (actor: the system) per expert whose term ended (term_end <=
 * today, Asia/Shanghai) and has none yet for that end date; a renewed and again ended term gets
 * its own. Retired experts left by a decision of their own and are skipped. Exactly once however
 * often and in however many processes it runs: the unique index events_appointment_ended_once
 * (expert, end date) turns a second writer's row into nothing. Answers the experts written.
 */
export async function endDueAppointments(today: string = todayInShanghai()): Promise<string[]> {
  const rows = rowsOf<{ expertId: string }>(
    await db.execute(sql`
      insert into events (type, entity_type, entity_id, actor_role, data)
      select 'expert.appointmentEnded', 'expert', e.id::text, 'system',
             jsonb_build_object('termStart', to_char(e.term_start, 'YYYY-MM-DD'), 'termEnd', to_char(e.term_end, 'YYYY-MM-DD'))
      from experts e
      where e.status in ('active', 'suspended')
        and e.term_end <= ${today}::date
        and not exists (
          select 1 from events ev
          where ev.type = 'expert.appointmentEnded' and ev.entity_id = e.id::text
            and ev.data ->> 'termEnd' = to_char(e.term_end, 'YYYY-MM-DD')
        )
      on conflict do nothing
      returning entity_id as "expertId"`),
  );
  return rows.map((r) => r.expertId);
}
