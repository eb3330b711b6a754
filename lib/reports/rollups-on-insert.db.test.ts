import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rowsOf } from "@/db";
import { useTestDatabase } from "@/test/database";
import { createEnterpriseActor, createExpertActor, createStationActor } from "@/test/fixtures";

/**
 * A request's insert adds to the rollups what its row says (migration 0051: the filing, and a
 * resolution it already carries, with no look-up of its specialties or ledger). Requests inserted
 * as they stand (an import, a restore, the demo seed) in every state, several in one statement,
 * their specialties after them: the rollups and the experts' years equal a rebuild.
 */
useTestDatabase();

const summed = (table: "report_rollups" | "report_expert_years", keys: string) =>
  sql.raw(`select ${keys}, sum(requests_filed)::text as f, sum(requests_resolved)::text as rr, sum(disputes_opened)::text as o,
      sum(disputes_resolved)::text as dr, sum(claimed_fen)::text as c, sum(recovered_fen)::text as rf
    from ${table} group by ${keys}
    having sum(requests_filed) <> 0 or sum(requests_resolved) <> 0 or sum(disputes_opened) <> 0 or sum(disputes_resolved) <> 0
      or sum(claimed_fen) <> 0 or sum(recovered_fen) <> 0
    order by ${keys}`);

const snapshot = async () => ({
  rollups: rowsOf(await db.execute(summed("report_rollups", "dimension, key, month, region_code"))),
  years: rowsOf(await db.execute(summed("report_expert_years", "key, year, county"))),
});

describe("a request's insert and the rollups", () => {
  it("counts requests inserted in every state as a rebuild counts them", async () => {
    const company = await createEnterpriseActor(undefined, "330421103");
    const station = await createStationActor("330421103");
    const expert = await createExpertActor();
    const rows: [status: string, submitted: string, resolved: string | null, withExpert: boolean, fromStation: boolean][] = [
      ["submitted", "2025-03-10T02:00:00Z", null, false, false],
      ["accepted", "2025-03-31T17:00:00Z", null, true, true], // 1 April in Shanghai
      ["resolved", "2025-04-02T01:00:00Z", "2025-04-20T01:00:00Z", true, false], // resolved in the month it was filed
      ["resolved", "2025-04-29T01:00:00Z", "2025-06-03T01:00:00Z", true, true], // and in a later one
      ["closed", "2025-12-30T20:00:00Z", "2026-01-05T01:00:00Z", true, false], // filed on 31 December, resolved in the next year
      ["resolved", "2025-05-05T01:00:00Z", null, true, false], // resolved with no time: not counted as resolved
      ["rejected", "2025-05-06T01:00:00Z", "2025-05-07T01:00:00Z", false, false], // a time but not resolved
    ];
    const values = rows.map(
      ([status, submitted, resolved, withExpert, fromStation], i) =>
        sql`(${`导入的案件 ${i}`}, 'debt_collection', '-', ${status}::request_status, ${fromStation ? "station" : "web"}::channel, '330421103',
          ${company.enterpriseId}, ${company.userId}, ${fromStation ? station.stationId : null}::uuid, ${withExpert ? expert.expertId : null}::uuid,
          ${submitted}::timestamptz, ${resolved}::timestamptz, ${`IMPORT-${i}`})`,
    );
    // all but the last in one statement, the last alone
    for (const batch of [values.slice(0, -1), values.slice(-1)]) {
      await db.execute(sql`insert into requests (title, category, description, status, channel, region_code, enterprise_id, filed_by_user_id,
          station_id, assigned_expert_id, submitted_at, resolved_at, case_number)
        values ${sql.join(batch, sql`, `)}`);
    }
    await db.execute(sql`insert into request_specialties (request_id, specialty_code)
      select q.id, s.code from requests q, (values ('debt_collection'), ('contract')) s(code) where q.case_number like 'IMPORT-%'`);

    const kept = await snapshot();
    const resolvedRows = (kept.rollups as { dimension: string; rr: string }[]).filter((r) => r.dimension === "all" && r.rr !== "0");
    expect(resolvedRows.map((r) => r.rr)).toEqual(["1", "1", "1"]); // April, June, January: three resolutions
    await db.execute(sql`select report_rollups_rebuild()`);
    expect(await snapshot()).toEqual(kept);
  });
});
