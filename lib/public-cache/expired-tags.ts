import { tagsManifest } from "next/dist/server/lib/incremental-cache/tags-manifest.external";
import type { PublicTag } from "./tags";

/*
 * Expiries that reach this process from the others (lib/public-cache/listen.ts) are written where
 * Next.js's own cache looks for them: the tag manifest its file-system cache reads on every get
 * (a module Next.js keeps outside the app's bundles, so the server and this code share it). An
 * entry written before a tag's expiry is not served again, exactly as after `revalidateTag` in
 * this process, and without a cache handler of our own (Next.js imports a configured handler
 * anew on every request: a tenth of a small route's time).
 */

// An entry computed from data read just before a change committed may be stored just after the
// announcement arrived: the tags expire again this long after, so such an entry lives no longer.
const RACE_MARGIN_MS = 1000;

function stamp(tags: readonly PublicTag[], at: number): void {
  for (const tag of tags) tagsManifest.set(tag, { ...tagsManifest.get(tag), expired: at });
}

/** Expires the tags in this process now, and once more after the race margin. */
export function expireTags(tags: readonly PublicTag[]): void {
  stamp(tags, Date.now());
  setTimeout(() => stamp(tags, Date.now()), RACE_MARGIN_MS).unref();
}

/** Expires the tags in this process every `intervalMs` from now on. */
export function expireTagsEvery(tags: readonly PublicTag[], intervalMs: number): void {
  setInterval(() => stamp(tags, Date.now()), intervalMs).unref();
}

/** When the tag was last expired in this process (epoch ms), if ever. */
export function expiryOf(tag: PublicTag): number | undefined {
  return tagsManifest.get(tag)?.expired;
}
