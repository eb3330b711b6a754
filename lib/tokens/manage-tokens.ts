import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { apiTokens } from "@/db/schema";
import { hashToken, newTokenSecret } from "@/lib/auth/api-tokens";
import { grantableTokenScopes, mayIssueTokenFor, type Actor, type Permission, type TokenHolder } from "@/lib/authz";
import { forbidden, invalidField, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { findTokenHolder, managerAsHolder, managesToken, requireTokenManager } from "./queries";
import type { issueTokenSchema } from "./schemas";

/**
 * The account a new token acts as: the issuer, or an integration account in its district
 * (mayIssueTokenFor). Any other account, a disabled one and an unknown one alike are 403, so the
 * answer does not tell whether an e-mail has an account.
 */
async function holderFor(manager: Actor, input: z.output<typeof issueTokenSchema>): Promise<TokenHolder> {
  const by = input.userId ? { userId: input.userId } : input.userEmail ? { email: input.userEmail } : null;
  if (!by) return managerAsHolder(manager);
  const found = await findTokenHolder(by);
  if (!found) throw forbidden();
  if (found.userId === manager.userId) return managerAsHolder(manager);
  if (found.disabledAt || !mayIssueTokenFor(manager, found)) throw forbidden();
  return found;
}

/**
 * Admins only (not partner systems). Issues a bearer token acting as the admin itself or as an
 * integration account in its district, limited to the given permissions, which must all be ones
 * the token may carry (grantableTokenScopes: the account's own, zone-wide ones only between
 * unscoped admins, within the caller's own token scopes); otherwise 422 on `scopes`. A caller with
 * a limited token gets a token no wider than its own. Only a SHA-256 of the secret is stored: the
 * secret is returned this once.
 */
export async function issueToken(actor: Actor, input: z.output<typeof issueTokenSchema>) {
  const manager = await requireTokenManager(actor);
  const holder = await holderFor(manager, input);
  const grantable = grantableTokenScopes(manager, holder);
  if (input.scopes.some((scope) => !grantable.includes(scope))) throw invalidField("scopes", "tokens.scopeNotAllowed");
  let scopes: Permission[] = [...new Set(input.scopes)];
  // Empty means "everything the account may do": a caller whose own token is limited passes on its limits.
  if (!scopes.length && manager.tokenScopes?.length) {
    if (!grantable.length) throw invalidField("scopes", "tokens.scopeNotAllowed");
    scopes = grantable;
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
        userId: holder.userId,
        scopes,
        createdBy: manager.userId,
        expiresAt,
      })
      .returning({
        id: apiTokens.id,
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        userId: apiTokens.userId,
        scopes: apiTokens.scopes,
        createdAt: apiTokens.createdAt,
        expiresAt: apiTokens.expiresAt,
      });
    await recordEvent(tx, manager, {
      type: "token.issued",
      entityType: "api_token",
      entityId: token!.id,
      data: { name: input.name, userId: holder.userId, scopes, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { ...token!, scopes: token!.scopes as Permission[], token: secret };
  });
}

/**
 * Admins only (not partner systems). Revokes a token at once. A token the admin does not manage
 * (see listTokens), an unknown one and one already revoked are "not found".
 */
export async function revokeToken(actor: Actor, tokenId: string) {
  const manager = await requireTokenManager(actor);
  if (!(await managesToken(manager, tokenId))) throw notFound();
  return db.transaction(async (tx) => {
    const [token] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, userId: apiTokens.userId, revokedAt: apiTokens.revokedAt });
    if (!token) throw notFound();
    await recordEvent(tx, manager, { type: "token.revoked", entityType: "api_token", entityId: token.id, data: { userId: token.userId } });
    return { id: token.id, revokedAt: token.revokedAt! };
  });
}
