import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { insertClosedHistory } from "@/test/request-fixtures";
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
    await insertClosedHistory(company, { regionCode: "330421103", expertId: expert.expertId! });
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
