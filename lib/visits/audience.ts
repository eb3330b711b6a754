import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { users } from "@/db/schema";

/** The company's members who are told of its visits (every account of it that is not disabled). */
export async function companyMembers(handle: DbOrTx, enterpriseId: string): Promise<string[]> {
  const rows = await handle
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.enterpriseId, enterpriseId), isNull(users.disabledAt)));
  return rows.map((r) => r.id);
}

/** An account, unless it is disabled (an expert's, a planner's). */
export async function ifActive(handle: DbOrTx, userId: string): Promise<string[]> {
  const rows = await handle
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  return rows.map((r) => r.id);
}
