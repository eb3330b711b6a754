import { sql } from "drizzle-orm";
import { db, rowsOf } from "@/db";
import { todayInShanghai } from "@/lib/clock";
import { adminsOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { RENEWAL_STAGES } from "./deadlines";

/**
 * Part of `timeliness.sweep`: an active expert whose appointment ends within 90, 30 or 7 days (Asia/Shanghai
 * dates), and the admins of the expert's home district, are told once per stage and term: one
 * renewal_reminders row per (expert, term end, stage), inserted with ON CONFLICT DO NOTHING, and
 * only the rows this insert wrote are told. A term first seen inside a later stage (ending in 5
 * days) marks the earlier stages too and is told once, of the nearest. Answers the experts told.
 */
export async function remindRenewals(now: Date): Promise<number> {
  const today = todayInShanghai(now);
  const stages = sql.join(
    RENEWAL_STAGES.map((s) => sql`(${s}::smallint)`),
    sql`, `,
  );
  return db.transaction(async (tx) => {
    const rows = rowsOf<{ expertId: string; stage: number; termEnd: string; userId: string; name: string; regionCode: string }>(
      await tx.execute(sql`
        with sent as (
          insert into renewal_reminders (expert_id, term_end, stage, sent_at)
          select e.id, e.term_end, s.stage, ${now.toISOString()}::timestamptz
          from experts e cross join (values ${stages}) as s(stage)
          where e.status = 'active' and e.term_end > ${today}::date and e.term_end - ${today}::date <= s.stage
          on conflict do nothing
          returning expert_id, term_end, stage
        )
        select e.id as "expertId", min(sent.stage)::int as stage, to_char(sent.term_end, 'YYYY-MM-DD') as "termEnd",
               e.user_id as "userId", e.name, e.home_region_code as "regionCode"
        from sent join experts e on e.id = sent.expert_id
        group by e.id, sent.term_end`),
    );
    for (const row of rows) {
      const data = { expertId: row.expertId, name: row.name, termEnd: row.termEnd, days: Number(row.stage) };
      await notify(tx, { userIds: [row.userId], kind: "expert.renewal", data });
      const admins = (await adminsOf(tx, row.regionCode)).filter((id) => id !== row.userId);
      await notify(tx, { userIds: admins, kind: "expert.renewal", data: { ...data, forAdmins: true } });
    }
    return rows.length;
  });
}
