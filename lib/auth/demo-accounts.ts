import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { demoAccounts } from "@/db/seed/demo-data";
import { env, type Env } from "@/lib/env";

/**
 * Whether the sign-in page may name the demo accounts and their password: only on the embedded
 * database, only when the demo world is in it, and in production only when SEED_DEMO=true was set
 * explicitly (the embedded database is seeded by default in any mode, a production site is not
 * meant to advertise a shared password by default).
 */
export async function showDemoAccounts(settings: Env = env()): Promise<boolean> {
  if (settings.DATABASE_URL) return false;
  if (settings.NODE_ENV === "production" && !settings.SEED_DEMO_EXPLICIT) return false;
  const [demoAdmin] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoAccounts.admin)).limit(1);
  return demoAdmin !== undefined;
}
