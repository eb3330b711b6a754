import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { users } from "@/db/schema";
import { demoAccounts } from "@/db/seed/demo-data";
import { parseEnv } from "@/lib/env";
import { useTestDatabase } from "@/test/database";
import { showDemoAccounts } from "./demo-accounts";

useTestDatabase();

const embedded = (extra: Record<string, string> = {}) => parseEnv({ NODE_ENV: "development", ...extra });
const production = (extra: Record<string, string> = {}) => parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s".repeat(32), ...extra });

describe("the demo accounts on the sign-in page", () => {
  it("are named only when the demo world is in the embedded database", async () => {
    expect(await showDemoAccounts(embedded())).toBe(false);
    await db.insert(users).values({ email: demoAccounts.admin, passwordHash: "x", role: "admin", name: "演示管理员" });
    expect(await showDemoAccounts(embedded())).toBe(true);
    expect(await showDemoAccounts(embedded({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/roster" }))).toBe(false);
  });

  it("are named in production only when SEED_DEMO=true was set explicitly", async () => {
    expect(await showDemoAccounts(production())).toBe(false);
    expect(await showDemoAccounts(production({ SEED_DEMO: "false" }))).toBe(false);
    expect(await showDemoAccounts(production({ SEED_DEMO: "true" }))).toBe(true);
    // Unset, an empty embedded database is still seeded on first start, in any mode.
    expect(production().SEED_DEMO).toBe(true);
  });
});
