import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { useTestDatabase } from "@/test/database";
import { createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { planOfQuery } from "@/test/statement-count";
import { getServiceLevels } from "./service-levels";
import { breachCandidates, candidates } from "./sweep";

/**
 * The five-minute sweep (sweep.ts) looks at the requests, offers and clocks that may be live or
 * recent, and at the clocks still to mark as breached: each through an index (migration 0053),
 * never by reading a table whole, which grows with every request the society ever took.
 */
useTestDatabase();

describe("the sweep's statements", () => {
  it("find their requests, offers and clocks through indexes, with sequential scans priced out", async () => {
    // years of history: closed cases, each with its expert, last changed long ago
    const company = await createEnterpriseActor();
    const expert = await createExpertActor();
    await db.execute(sql`insert into requests (title, category, description, status, region_code, enterprise_id, filed_by_user_id,
        assigned_expert_id, submitted_at, accepted_at, resolved_at, closed_at, updated_at, case_number)
      select '往年的案件', 'debt_collection', '-', 'closed', '330421103', ${company.enterpriseId}, ${company.userId}, ${expert.expertId},
        t, t + interval '1 day', t + interval '20 days', t + interval '30 days', t + interval '30 days', 'HISTORY-' || g
      from generate_series(1, 3000) g, lateral (select timestamptz '2020-01-01 09:00+08' + g * interval '12 hours' as t) at`);
    await db.execute(sql`analyze requests`);
    const now = new Date();
    const levels = await getServiceLevels();
    // each pass and the index that finds what it looks at (besides the index of the state it looks for)
    const passes = [
      ["triage", candidates("triage", now, levels), "requests_updated_idx"],
      ["offer", candidates("offer", now, levels), "offers_created_idx"],
      ["contact", candidates("contact", now, levels), "requests_updated_idx"],
      ["resolution", candidates("resolution", now, levels), "requests_updated_idx"],
      ["stale", candidates("stale", now, levels), "requests_status_idx"],
      ["breaches", breachCandidates(now), "deadlines_unbreached_due_idx"],
    ] as const;
    for (const [pass, statement, index] of passes) {
      const plan = await planOfQuery(statement, { withoutSeqScans: true });
      expect(plan, pass).not.toMatch(/Seq Scan on (requests|offers|deadlines|events)\b/);
      expect(plan, pass).toMatch(new RegExp(`Scan (using|on) ${index} `));
    }
  });
});
