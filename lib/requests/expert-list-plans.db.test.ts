import { describe, expect, it } from "vitest";
import { database } from "@/db";
import { useTestDatabase } from "@/test/database";
import { createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { insertClosedHistory } from "@/test/request-fixtures";
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
    await insertClosedHistory(company, { regionCode: "330421103", expertId: other.expertId!, firstCaseExpertId: expert.expertId! });
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
