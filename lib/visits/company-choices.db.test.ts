import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { database, db } from "@/db";
import { companyVisits, requests, users } from "@/db/schema";
import { useTestDatabase } from "@/test/database";
import { createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { fileAs } from "@/test/request-fixtures";
import { planOf, statementsDuring } from "@/test/statement-count";
import { companyChoices } from "./queries";

/** The companies the plan-a-visit form offers an expert: those of the expert's cases and earlier visits, with an account. */
useTestDatabase();

const namesOf = (rows: { name: string }[]) => rows.map((r) => r.name).sort();

describe("the companies an expert may plan a visit with", () => {
  it("are those of the expert's cases and visits that have an account, found without reading every company", async () => {
    const admin = await createAdminActor();
    const expert = await createExpertActor();
    const [ofCase, ofVisit, withoutAccount, unrelated] = await Promise.all(
      ["甲案件公司", "乙走访公司", "丙无账号公司", "丁无关公司"].map((name) => createEnterpriseActor(`${name}有限公司`)),
    );
    const caseId = await fileAs(ofCase!);
    await db.update(requests).set({ assignedExpertId: expert.expertId }).where(eq(requests.id, caseId));
    await db.insert(companyVisits).values(
      [ofVisit!, withoutAccount!].map((company) => ({
        enterpriseId: company.enterpriseId!,
        expertId: expert.expertId!,
        plannedBy: admin.userId,
        visitOn: "2026-03-12",
        purpose: "法治体检",
      })),
    );
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, withoutAccount!.userId));
    // many companies in the zone, none of them the expert's
    await db.execute(sql`insert into enterprises (name, name_normalized, region_code, contact_name)
      select '企业' || g, '企业' || g, '330421103', '联系人' from generate_series(1, 3000) g`);
    await db.execute(sql`analyze enterprises`);

    const { result, statements, parameters } = await statementsDuring(database(), () => companyChoices(expert));
    expect(namesOf(result)).toEqual(["乙走访公司有限公司", "甲案件公司有限公司"]);
    expect(namesOf(await companyChoices(expert, "走访"))).toEqual(["乙走访公司有限公司"]);
    expect(namesOf(await companyChoices(await createExpertActor()))).toEqual([]);
    expect((await companyChoices(admin, "丁无关")).map((r) => r.id)).toEqual([unrelated!.enterpriseId]);

    expect(statements).toHaveLength(1);
    const plan = await planOf(statements[0]!, parameters[0]!, { withoutSeqScans: true });
    expect(plan).not.toMatch(/Seq Scan on enterprises\b/);
    // the expert's companies looked up by id, not every company (or every company's account) read and
    // tested against a set of the expert's
    expect(plan).toMatch(/enterprises_pkey on enterprises[^\n]*\n\s+Index Cond: \(id = /);
    expect(plan).not.toMatch(/SubPlan/);
  });
});
