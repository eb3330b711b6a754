import { and, eq, gt, gte, isNull, lt, or, sql } from "drizzle-orm";
import { db, type Db } from "@/db";
import { apiTokens, authSessions, experts, users } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { env } from "@/lib/env";
import { prepared } from "@/lib/sql/prepared";
import { hashToken } from "./api-tokens";
import { parseCookies } from "./cookies";
import { decodeSessionToken } from "./session-token";
import { isUuid, SESSION_COOKIES } from "./sessions";

/** A token's last use is recorded at most this often: a read through it is not a write every time. */
const TOKEN_USE_STAMP_INTERVAL = "1 minute";

/** What an actor is read from: the account and, for an expert, their expert row. */
const actorColumns = {
  userId: users.id,
  role: users.role,
  email: users.email,
  name: users.name,
  enterpriseId: users.enterpriseId,
  stationId: users.stationId,
  regionScope: users.regionScope,
  disabledAt: users.disabledAt,
  expertId: experts.id,
};

const actorOf = ({ disabledAt: _disabled, ...actor }: { disabledAt: Date | null } & Actor): Actor => actor;

/** The statement of loadActor, with the user's id and the session's as placeholders. */
function actorQuery(handle: Db, withSession: boolean) {
  const sessionLive = withSession
    ? and(
        eq(authSessions.id, sql.placeholder("sessionId")),
        eq(authSessions.userId, users.id),
        isNull(authSessions.endedAt),
        gt(authSessions.expiresAt, sql`now()`),
        or(isNull(users.sessionsValidFrom), gte(authSessions.createdAt, users.sessionsValidFrom)),
      )
    : sql`false`;
  return handle
    .select({ ...actorColumns, liveSessionId: authSessions.id })
    .from(users)
    .leftJoin(experts, eq(experts.userId, users.id))
    .leftJoin(authSessions, sessionLive)
    .where(eq(users.id, sql.placeholder("userId")))
    .limit(1)
    .prepare("actor");
}

/**
 * Loads the actor for a user id; null when the account is unknown or disabled. With a session id
 * (a cookie's `sid`) also null unless that session is live: not signed out, not past its absolute
 * end, and begun at or after the account's sessions_valid_from (a new password ends every session
 * signed in before it). The sign-in time compared is the session row's, fixed at sign-in; a
 * re-issued cookie cannot move it. One statement.
 */
export async function loadActor(userId: string, sessionId?: string): Promise<Actor | null> {
  if (!isUuid(userId) || (sessionId !== undefined && !isUuid(sessionId))) return null;
  const withSession = sessionId !== undefined;
  const [row] = await prepared(withSession ? "actor:session" : "actor:account", (handle) => actorQuery(handle, withSession)).execute({
    userId,
    sessionId,
  });
  if (!row || row.disabledAt) return null;
  if (sessionId && !row.liveSessionId) return null;
  const { liveSessionId: _session, ...actor } = row;
  return actorOf(actor);
}

/**
 * The actor of a live API token (not revoked, not expired), in one statement that also records
 * the token's use (at most once a minute).
 */
async function actorFromBearer(secret: string): Promise<Actor | null> {
  const token = db.$with("token").as(
    db
      .select({
        id: apiTokens.id,
        userId: apiTokens.userId,
        scopes: apiTokens.scopes,
        createdBy: apiTokens.createdBy,
        lastUsedAt: apiTokens.lastUsedAt,
      })
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.tokenHash, hashToken(secret)),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
        ),
      ),
  );
  // A data-modifying WITH runs to completion whether or not the query reads it.
  const stamp = db.$with("stamp").as(
    db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(
        and(
          eq(apiTokens.id, sql`(select ${token.id} from ${token})`),
          or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - ${TOKEN_USE_STAMP_INTERVAL}::interval`)),
        ),
      )
      .returning({ id: apiTokens.id }),
  );
  const [row] = await db
    .with(token, stamp)
    .select({ ...actorColumns, tokenId: token.id, tokenScopes: token.scopes, tokenIssuerId: token.createdBy })
    .from(token)
    .innerJoin(users, eq(users.id, token.userId))
    .leftJoin(experts, eq(experts.userId, users.id));
  if (!row || row.disabledAt) return null;
  const { tokenScopes, ...actor } = row;
  return tokenScopes.length ? { ...actorOf(actor), tokenScopes } : actorOf(actor);
}

/** The session a request's cookie names (not yet checked against the database), or null. */
export async function sessionFromHeaders(headers: Headers): Promise<{ userId: string; sessionId: string; role: string; cookieName: string } | null> {
  const cookies = parseCookies(headers.get("cookie"));
  for (const cookieName of SESSION_COOKIES) {
    const raw = cookies[cookieName];
    if (!raw) continue;
    try {
      const token = await decodeSessionToken(raw, env().NEXTAUTH_SECRET);
      // A cookie without a session id predates session records: it is over.
      if (!token || !isUuid(token.sub) || !isUuid(token.sid)) return null;
      return { userId: token.sub, sessionId: token.sid, role: String(token.role ?? ""), cookieName };
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Who is calling: a bearer API token (revocable, stored hashed) or the next-auth session cookie.
 * The one way every route handler, server action and page finds its actor; one statement either way.
 */
export async function actorFromHeaders(headers: Headers): Promise<Actor | null> {
  const authorization = headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    return actorFromBearer(authorization.slice(7).trim());
  }
  const session = await sessionFromHeaders(headers);
  return session ? loadActor(session.userId, session.sessionId) : null;
}
