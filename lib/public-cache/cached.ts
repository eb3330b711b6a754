import { unstable_cache } from "next/cache";
import { env } from "@/lib/env";
import type { PublicTag } from "./tags";
import { pack, unpack } from "./wire";

// A backstop only: every change that matters expires its tags at once (./tags.ts).
const BACKSTOP_SECONDS = 3600;

/**
 * A read of public data cached by Next.js under its tags, per arguments. Outside a Next.js server
 * (tests call routes and lib directly) there is no cache to use, and the read runs as it is.
 */
export function publicCached<A extends unknown[], R>(read: (...args: A) => Promise<R>, key: string, tags: readonly PublicTag[]) {
  const cached = unstable_cache(async (...args: A) => pack(await read(...args)), [key], { tags: [...tags], revalidate: BACKSTOP_SECONDS });
  return async (...args: A): Promise<R> => (env().NODE_ENV === "test" ? read(...args) : unpack<R>(await cached(...args)));
}
