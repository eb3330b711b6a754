// Next.js's own cache handler (memory and disk), plus the expiries that reach this process from
// the others: an entry of public data is refused once one of its tags was expired after it was
// written (lib/public-cache/expired-tags.ts keeps those expiries; lib/public-cache/listen.ts fills
// them from PostgreSQL's announcements). Loaded by Next.js at run time, outside the app's bundles.
import fileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache.js";

const FileSystemCache = fileSystemCache.default ?? fileSystemCache;
const EXPIRED_TAGS = Symbol.for("clcr.public-cache.expired-tags");

function expiredSince(tags, lastModified) {
  const expired = globalThis[EXPIRED_TAGS];
  if (!expired || !tags) return false;
  return tags.some((tag) => (expired.get(tag) ?? 0) > lastModified);
}

export default class PublicCacheHandler extends FileSystemCache {
  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    if (entry && ctx?.kind === "FETCH" && expiredSince(ctx.tags, entry.lastModified ?? 0)) return null;
    return entry;
  }
}
