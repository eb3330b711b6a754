import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { database, db } from "@/db";
import { useTestDatabase } from "@/test/database";
import { createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { planOf, statementsDuring } from "@/test/statement-count";
import { listRequestsForActor } from "./queries";

/**
 * An expert's list of requests (GET /api/v1/requests, the cases page): what they were assigned,
 * offered or seated on a panel for is found through those indexes, whatever the zone has filed.
 */
useTestDatabase();

describe("an expert's list of requests", () => {
  it("reads the expert's own requests, not every request of the zone", async () => {
    const company = await createEnterpriseActor();
    const expert = await createExpertActor();
    const other = await createExpertActor();
    // the zone's history: another expert's closed cases, and one of this expert's
    await db.execute(sql`insert into requests (title, category, description, status, region_code, enterprise_id, filed_by_user_id,
        assigned_expert_id, submitted_at, accepted_at, closed_at, case_number)
      select '往年的案件', 'debt_collection', '-', 'closed', '330421103', ${company.enterpriseId}, ${company.userId},
        case when g = 1 then ${expert.expertId}::uuid else ${other.expertId}::uuid end,
        t, t + interval '1 day', t + interval '30 days', 'HISTORY-' || g
      from generate_series(1, 3000) g, lateral (select timestamptz '2020-01-01 09:00+08' + g * interval '12 hours' as t) at`);
    await db.execute(sql`analyze requests`);
    const { result, statements, parameters } = await statementsDuring(database(), () => listRequestsForActor(expert, {}, { page: 1, pageSize: 20 }));
    expect(result.total).toBe(1);
    expect(statements.length).toBeGreaterThan(0);
    for (const [i, text] of statements.entries()) {
      const plan = await planOf(text, parameters[i]!, { withoutSeqScans: true });
      expect(plan).not.toMatch(/Seq Scan on requests\b/);
      expect(plan).toMatch(/Scan (using|on) requests_assigned_idx /);
    }
  });
});
