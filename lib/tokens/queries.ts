import { desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { apiTokens, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";

/** Admins only. Every token with its account and status, newest first; never the secret or its hash. */
export async function listTokens(actor: Actor, now = new Date()) {
  requirePermission(actor, "token.manage");
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scopes: apiTokens.scopes,
      userEmail: users.email,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((row) => ({
    ...row,
    status: row.revokedAt ? ("revoked" as const) : row.expiresAt && row.expiresAt <= now ? ("expired" as const) : ("active" as const),
  }));
}
