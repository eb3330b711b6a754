/**
 * Stands in for next/headers and next/cache when a test calls a server action directly, outside
 * the request Next.js would give it. A test file opts in with
 *   vi.mock("next/headers", () => import("@/test/next-request"));
 *   vi.mock("next/cache", () => import("@/test/next-request"));
 * and says who is calling with `callActionAs` (test/action-caller.ts).
 */
let current = new Headers();

/** The headers the next action call sees. */
export function setRequestHeaders(next: Headers): void {
  current = next;
}

export async function headers(): Promise<Headers> {
  return current;
}

// Revalidating a page needs Next's cache, which a test has not got; what an action writes is what a test checks.
export function revalidatePath(): void {}
export function revalidateTag(): void {}

// Nothing is cached under test (lib/public-cache reads as it is there): the stand-in only has to exist.
export function unstable_cache<F>(read: F): F {
  return read;
}
