import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { database, db } from "@/db";
import { requests } from "@/db/schema";
import { useTestDatabase } from "@/test/database";
import { createAdminActor, createEnterpriseActor } from "@/test/fixtures";
import { fileAs } from "@/test/request-fixtures";
import { planOf, statementsDuring } from "@/test/statement-count";
import { getAdminOverview } from "./admin-overview";

useTestDatabase();

describe("the admin's overview", () => {
  it("counts the requests needing attention in the admin's district, found through their index", async () => {
    const company = await createEnterpriseActor(undefined, "330421103");
    const elsewhere = await createEnterpriseActor(undefined, "310118001");
    const ids = [
      await fileAs(company, { regionCode: "330421103" }),
      await fileAs(company, { regionCode: "330421103" }),
      await fileAs(elsewhere, { regionCode: "310118001" }),
    ];
    await db.update(requests).set({ needsAttention: true }).where(inArray(requests.id, ids));
    await db.update(requests).set({ needsAttention: false }).where(eq(requests.id, ids[1]!));
    const admin = await createAdminActor("330421");
    const { result, statements, parameters } = await statementsDuring(database(), () => getAdminOverview(admin));
    expect(result.needsAttention).toBe(1);
    expect((await getAdminOverview(await createAdminActor(null))).needsAttention).toBe(2);
    const reads = statements.flatMap((text, i) => (text.includes('"needs_attention"') ? [{ text, params: parameters[i]! }] : []));
    expect(reads).toHaveLength(1);
    const plan = await planOf(reads[0]!.text, reads[0]!.params, { withoutSeqScans: true });
    expect(plan).toMatch(/Scan (using|on) requests_attention_idx /);
  });
});
