import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rowsOf } from "@/db";
import { useTestDatabase } from "@/test/database";

const database = useTestDatabase();

describe("queries on a PostgreSQL server", () => {
  it("are prepared once per connection when they have parameters, and may hold several statements when not", async (context) => {
    if (database.current().kind !== "postgres") return context.skip("PGlite runs in the process: nothing to prepare");
    await db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) await tx.execute(sql`select ${i}::int as prepared_probe`);
      const [row] = rowsOf<{ n: number }>(
        await tx.execute(
          sql`select count(*)::int as n from pg_prepared_statements where statement like '%as prepared_probe%' and statement not like '%pg_prepared_statements%'`,
        ),
      );
      expect(row!.n).toBe(1);
      await expect(tx.execute(sql.raw("select 1; select 2"))).resolves.toBeDefined();
    });
  });
});
