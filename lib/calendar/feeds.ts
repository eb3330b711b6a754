import { randomBytes } from "node:crypto";
import { eq, isNotNull } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { calendarFeeds } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { clockSql } from "@/lib/clock";
import { siteUrl } from "@/lib/env";
import { forbidden } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { inTransaction } from "@/lib/transaction";

/** A feed's secret: 32 random bytes, base64url (43 characters, safe in a URL path). */
export const newFeedToken = () => randomBytes(32).toString("base64url");
/** What a token looks like; anything else is not one (404 without asking the database). */
export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The absolute address of a feed, as calendar apps subscribe to it. */
export const feedUrl = (token: string) => `${siteUrl()}/api/v1/calendar/${token}.ics`;

/** Whose feed the actor holds: an expert's own (by account), or their station's for its staff. */
type Owner = { userId: string; stationId?: undefined } | { stationId: string; userId?: undefined };

function ownerOf(actor: Actor | null): Owner {
  const who = requirePermission(actor, "calendar.feed");
  if (who.stationId) return { stationId: who.stationId };
  if (who.expertId) return { userId: who.userId };
  throw forbidden();
}

const ownedBy = (owner: Owner) => (owner.stationId ? eq(calendarFeeds.stationId, owner.stationId) : eq(calendarFeeds.userId, owner.userId!));

async function tokenOf(handle: DbOrTx, owner: Owner): Promise<string | undefined> {
  const [row] = await handle.select({ token: calendarFeeds.token }).from(calendarFeeds).where(ownedBy(owner));
  return row?.token;
}

/**
 * Experts and station staff: the URL of their private calendar feed, the feed made on the first
 * call. Two first calls at once both insert-or-nothing and then read the one row that won.
 */
export async function getMyCalendarFeed(actor: Actor | null): Promise<{ url: string }> {
  const owner = ownerOf(actor);
  for (let attempt = 1; ; attempt++) {
    const existing = await tokenOf(db, owner);
    if (existing) return { url: feedUrl(existing) };
    await db
      .insert(calendarFeeds)
      .values({ ...owner, token: newFeedToken() })
      .onConflictDoNothing();
    // Nothing yet only if the new token itself collided (it never does): try once more.
    if (attempt >= 3) throw new Error("calendar feed could not be made");
  }
}

/**
 * Experts and station staff: a new token for their feed (made if there was none); the old URL
 * stops working at once. Recorded on the audit trail (the account's, or the station's).
 */
export async function resetMyCalendarFeed(actor: Actor | null): Promise<{ url: string }> {
  const owner = ownerOf(actor);
  const who = actor!;
  const token = newFeedToken();
  return inTransaction(async (tx) => {
    const target = owner.stationId ? calendarFeeds.stationId : calendarFeeds.userId;
    await tx
      .insert(calendarFeeds)
      .values({ ...owner, token })
      .onConflictDoUpdate({ target, targetWhere: isNotNull(target), set: { token, createdAt: clockSql() } });
    await recordEvent(tx, who, {
      type: "calendar.feed_reset",
      entityType: owner.stationId ? "station" : "user",
      entityId: owner.stationId ?? owner.userId!,
    });
    const stored = await tokenOf(tx, owner);
    return { url: feedUrl(stored!) };
  });
}

/** The feed a token opens (its owner), or null for an unknown or malformed one. */
export async function feedByToken(token: string): Promise<{ userId: string | null; stationId: string | null } | null> {
  if (!FEED_TOKEN.test(token)) return null;
  const [row] = await db
    .select({ userId: calendarFeeds.userId, stationId: calendarFeeds.stationId })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.token, token));
  return row ?? null;
}
