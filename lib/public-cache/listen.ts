import type { PGlite } from "@electric-sql/pglite";
import type postgres from "postgres";
import { database } from "@/db";
import { log } from "@/lib/log";
import { expireTags, expireTagsEvery } from "./expired-tags";
import { allPublicTags, PUBLIC_CHANGE_CHANNEL, FIGURES_EXPIRE_MS, tagsExpiredByTime, tagsFedBy } from "./tags";

function onAnnouncement(table: string): void {
  const tags = tagsFedBy[table];
  if (tags) expireTags(tags);
}

let expiringByTime = false;

/**
 * Keeps this process's cached public data in step with every process on the database: each table
 * change announced on PostgreSQL's channel (committed, by any process, this one included) expires
 * the tags it feeds. Entries older than the listening (Next.js keeps them on disk across restarts)
 * are not trusted: every tag expires when it starts. On a server, postgres.js keeps a connection of
 * its own listening and reconnects after a drop, and every tag expires again then (on each connect).
 * The figures are not announced; they expire twice a second (./tags.ts, tagsExpiredByTime).
 */
export async function listenForPublicChanges(): Promise<void> {
  const { db, kind } = database();
  if (!expiringByTime) {
    expiringByTime = true;
    expireTagsEvery(tagsExpiredByTime, FIGURES_EXPIRE_MS);
  }
  // drizzle keeps the driver's client on the handle; listening is the driver's own API.
  const client = (db as unknown as { $client: unknown }).$client;
  if (kind === "pglite") {
    await (client as PGlite).listen(PUBLIC_CHANGE_CHANNEL, onAnnouncement);
    expireTags(allPublicTags);
    return;
  }
  await (client as postgres.Sql).listen(PUBLIC_CHANGE_CHANNEL, onAnnouncement, () => {
    expireTags(allPublicTags);
    log().debug("Listening for changes to public data.");
  });
}
