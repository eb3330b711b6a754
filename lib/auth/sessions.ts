import { and, eq, isNull, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { authSessions } from "@/db/schema";

/** A session ends after this long without a request (the cookie's lifetime, renewed on use). */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** And after this long in any case, however active it stays: a new sign-in every working day. */
export const SESSION_ABSOLUTE_HOURS = 12;

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

export const isUuid = (value: unknown): value is string =>
  typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** Records a session at sign-in and returns its id (the cookie's `sid`). */
export async function startSession(userId: string, handle: DbOrTx = db): Promise<string> {
  const [row] = await handle
    .insert(authSessions)
    .values({ userId, expiresAt: sql`now() + ${`${SESSION_ABSOLUTE_HOURS} hours`}::interval` })
    .returning({ id: authSessions.id });
  return row!.id;
}

/** Ends one session for good (sign-out): its cookie, or any copy of it, is refused from now on. */
export async function endSession(sessionId: unknown): Promise<void> {
  if (!isUuid(sessionId)) return;
  await db
    .update(authSessions)
    .set({ endedAt: sql`now()` })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.endedAt)));
}
