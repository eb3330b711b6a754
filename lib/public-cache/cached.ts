import { unstable_cache } from "next/cache";
import type { PublicTag } from "./tags";
import { pack, unpack } from "./wire";

// A backstop only: every change that matters expires its tags at once (./tags.ts).
const BACKSTOP_SECONDS = 3600;

/**
 * A read of public data cached by Next.js under its tags, per arguments. Outside a Next.js server
 * (tests and scripts such as the benchmark call routes and lib directly; Next.js sets NEXT_RUNTIME
 * only in its own server) there is no cache to use, and the read runs as it is.
 */
export function publicCached<A extends unknown[], R>(read: (...args: A) => Promise<R>, key: string, tags: readonly PublicTag[]) {
  const cached = unstable_cache(async (...args: A) => pack(await read(...args)), [key], { tags: [...tags], revalidate: BACKSTOP_SECONDS });
  return async (...args: A): Promise<R> => (process.env.NEXT_RUNTIME ? unpack<R>(await cached(...args)) : read(...args));
}
