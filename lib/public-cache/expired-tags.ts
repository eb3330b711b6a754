import type { PublicTag } from "./tags";

/**
 * When each tag was last expired in this process (epoch ms). It lives on globalThis under a
 * registered symbol because the cache handler (cache-handler.mjs) is loaded by Next.js outside
 * the app's bundles and reads the same map to refuse entries written before the expiry.
 */
const KEY = Symbol.for("clcr.public-cache.expired-tags");

// An entry computed from data read just before a change committed may be stored just after the
// announcement arrived; entries stored within this margin after an expiry are refused too.
const RACE_MARGIN_MS = 1000;

function expiredTags(): Map<string, number> {
  const holder = globalThis as unknown as Record<symbol, Map<string, number> | undefined>;
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/** Expires the tags in this process: entries written before now (and within the race margin) are not served again. */
export function expireTags(tags: readonly PublicTag[], now = Date.now()): void {
  const map = expiredTags();
  for (const tag of tags) map.set(tag, now + RACE_MARGIN_MS);
}

/** When the tag was last expired in this process (epoch ms, with the margin), if ever. */
export function expiryOf(tag: PublicTag): number | undefined {
  return expiredTags().get(tag);
}
