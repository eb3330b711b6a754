import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { database, setDatabase } from "@/db";
import { specialties } from "@/db/schema";
import { openFresh, useTestDatabase } from "@/test/database";
import { prepared } from "./prepared";

useTestDatabase();

let builds = 0;
const nameOf = (code: string) =>
  prepared("test:specialty-name", (handle) => {
    builds += 1;
    return handle
      .select({ name: specialties.nameEn })
      .from(specialties)
      .where(eq(specialties.code, sql.placeholder("code")))
      .prepare("specialty_name");
  }).execute({ code });

describe("prepared", () => {
  it("builds a shape once and answers each run with that run's values", async () => {
    expect(await nameOf("debt_collection")).toEqual([{ name: "Debt collection" }]);
    expect(await nameOf("lease")).toEqual([{ name: "Leases and rent" }]);
    expect(await nameOf("no_such_code")).toEqual([]);
    expect(builds).toBe(1);
  });

  it("builds anew for another database, which runs its own", async () => {
    const mine = database();
    const other = await openFresh();
    try {
      await other.db.update(specialties).set({ nameEn: "Collecting debts" }).where(eq(specialties.code, "debt_collection"));
      setDatabase(other);
      expect(await nameOf("debt_collection")).toEqual([{ name: "Collecting debts" }]);
      expect(builds).toBe(2);
    } finally {
      setDatabase(mine);
      await other.close();
    }
    expect(await nameOf("debt_collection")).toEqual([{ name: "Debt collection" }]);
  });
});
