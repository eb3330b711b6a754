import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";
import { AppError } from "@/lib/errors";

// argon2id with OWASP's memory-hard parameters (19 MiB, 2 passes).
// algorithm 2 is Argon2id (the package exports it as a const enum, which isolated modules cannot read).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Password hashes computed at once in this process: one per core, so hashing never starves the rest. */
export const MAX_CONCURRENT_HASHES = Math.max(1, availableParallelism());
/**
 * Hashes that may wait for a slot (about half a second of work). Past that a sign-in, registration
 * or application is answered "busy" at once instead of queueing behind a flood.
 */
export const MAX_WAITING_HASHES = MAX_CONCURRENT_HASHES * 8;

let running = 0;
const waiting: (() => void)[] = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) {
    if (waiting.length >= MAX_WAITING_HASHES) throw new AppError("rate_limited", "auth.busy");
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line, or is freed.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** Counts of password hashes running and waiting now (for tests and load figures). */
export function hashLoad(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}

/** argon2id hash of a new password; throws rate_limited ("auth.busy") when too many are queued. */
export function hashPassword(password: string): Promise<string> {
  return withHashSlot(() => hash(password, OPTIONS));
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password. With no stored hash (unknown account) it still verifies against a dummy
 * hash, so an unknown e-mail takes as long to answer as a wrong password. Throws rate_limited
 * ("auth.busy") when too many hashes are queued.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  dummyHash ??= hash("not-a-real-password-" + Math.random(), OPTIONS);
  const target = storedHash ?? (await dummyHash);
  return withHashSlot(async () => {
    try {
      const ok = await verify(target, password);
      return ok && storedHash !== null;
    } catch {
      return false;
    }
  });
}
