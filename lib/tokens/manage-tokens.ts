import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { apiTokens, users } from "@/db/schema";
import { hashToken, newTokenSecret } from "@/lib/auth/api-tokens";
import { requirePermission, type Actor } from "@/lib/authz";
import { invalidField, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import type { issueTokenSchema } from "./schemas";

/**
 * Admins only. Issues a bearer token acting as an account (the admin's own by default), limited to
 * the given permissions. Only a SHA-256 of the secret is stored: the secret is returned this once.
 */
export async function issueToken(actor: Actor, input: z.output<typeof issueTokenSchema>) {
  requirePermission(actor, "token.manage");
  let userId = actor.userId;
  if (input.userEmail) {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.userEmail));
    if (!user) throw invalidField("userEmail", "tokens.unknownAccount");
    userId = user.id;
  }
  const secret = newTokenSecret();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  return db.transaction(async (tx) => {
    const [token] = await tx
      .insert(apiTokens)
      .values({
        name: input.name,
        tokenHash: hashToken(secret),
        prefix: secret.slice(0, 10),
        userId,
        scopes: input.scopes,
        createdBy: actor.userId,
        expiresAt,
      })
      .returning({
        id: apiTokens.id,
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        scopes: apiTokens.scopes,
        createdAt: apiTokens.createdAt,
        expiresAt: apiTokens.expiresAt,
      });
    await recordEvent(tx, actor, { type: "token.issued", entityType: "api_token", entityId: token!.id, data: { userId, scopes: input.scopes } });
    return { ...token!, token: secret };
  });
}

/** Admins only. Revokes a token at once; an unknown or already revoked token is "not found". */
export async function revokeToken(actor: Actor, tokenId: string) {
  requirePermission(actor, "token.manage");
  return db.transaction(async (tx) => {
    const [token] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, revokedAt: apiTokens.revokedAt });
    if (!token) throw notFound();
    await recordEvent(tx, actor, { type: "token.revoked", entityType: "api_token", entityId: token.id });
    return token;
  });
}
