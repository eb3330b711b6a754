import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rowsOf } from "@/db";
import { regions } from "@/db/schema";
import { useTestDatabase } from "@/test/database";
import { isWithinRegion, withinRegion } from "./codes";

useTestDatabase();

describe("a region and its sub-regions in SQL", () => {
  it("selects the same regions as the rule in code, for a province, a city, a county and a town", async () => {
    const all = await db.select({ code: regions.code }).from(regions);
    expect(all.length).toBeGreaterThan(100);
    for (const scope of ["330000", "330400", "330421", "330421102", "310118", "320500"]) {
      const found = rowsOf<{ code: string }>(
        await db.execute(sql`select code from ${regions} where ${withinRegion(regions.code, scope)} order by code`),
      );
      const expected = all.map((r) => r.code).filter((code) => isWithinRegion(code, scope));
      expect(found.map((r) => r.code).sort(), scope).toEqual(expected.sort());
      expect(expected.length, scope).toBeGreaterThan(0);
    }
  });
});
