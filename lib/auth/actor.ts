import { and, eq, gt, isNull, or } from "drizzle-orm";
import { decode } from "next-auth/jwt";
import { db } from "@/db";
import { apiTokens, experts, users } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { env } from "@/lib/env";
import { hashToken } from "./api-tokens";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * Loads the actor for a user id; null when the account is unknown or disabled, or when
 * `sessionIssuedAt` (seconds, a session's iat) is before the account's sessions were ended (a new
 * password ends every session signed in before it).
 */
export async function loadActor(userId: string, sessionIssuedAt?: number): Promise<Actor | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const [row] = await db
    .select({
      userId: users.id,
      role: users.role,
      email: users.email,
      name: users.name,
      enterpriseId: users.enterpriseId,
      stationId: users.stationId,
      regionScope: users.regionScope,
      disabledAt: users.disabledAt,
      sessionsValidFrom: users.sessionsValidFrom,
      expertId: experts.id,
    })
    .from(users)
    .leftJoin(experts, eq(experts.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || row.disabledAt) return null;
  const { disabledAt: _disabled, sessionsValidFrom, ...actor } = row;
  if (sessionIssuedAt !== undefined && sessionsValidFrom && sessionIssuedAt * 1000 < sessionsValidFrom.getTime()) return null;
  return actor;
}

function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

async function actorFromBearer(secret: string): Promise<Actor | null> {
  const now = new Date();
  const [token] = await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(eq(apiTokens.tokenHash, hashToken(secret)), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now))),
    )
    .returning({ userId: apiTokens.userId, scopes: apiTokens.scopes });
  if (!token) return null;
  const actor = await loadActor(token.userId);
  return actor && token.scopes.length ? { ...actor, tokenScopes: token.scopes } : actor;
}

async function actorFromSessionCookie(cookieHeader: string | null): Promise<Actor | null> {
  for (const name of SESSION_COOKIES) {
    const raw = readCookie(cookieHeader, name);
    if (!raw) continue;
    try {
      const token = await decode({ token: raw, secret: env().NEXTAUTH_SECRET });
      if (token?.sub) return loadActor(token.sub, typeof token.iat === "number" ? token.iat : 0);
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Who is calling: a bearer API token (revocable, stored hashed) or the next-auth session cookie.
 * The one way every route handler, server action and page finds its actor.
 */
export async function actorFromHeaders(headers: Headers): Promise<Actor | null> {
  const authorization = headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    return actorFromBearer(authorization.slice(7).trim());
  }
  return actorFromSessionCookie(headers.get("cookie"));
}
