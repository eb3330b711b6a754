import { describe, expect, it, vi } from "vitest";
import { hashPassword, MAX_CONCURRENT_HASHES, MAX_WAITING_HASHES, verifyPassword } from "./password";

const argon = vi.hoisted(() => ({ running: 0, peak: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  const tracked =
    <A extends unknown[], R>(work: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      argon.peak = Math.max(argon.peak, ++argon.running);
      try {
        return await work(...args);
      } finally {
        argon.running--;
      }
    };
  return { ...real, hash: tracked(real.hash), verify: tracked(real.verify) };
});

describe("password hashing", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hash, "wrong")).toBe(false);
  });

  it("still runs a verification for an unknown account and answers false", async () => {
    expect(await verifyPassword(null, "anything")).toBe(false);
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });

  it("computes at most one hash per core at once, and answers busy at once past a short queue", async () => {
    const hash = await hashPassword("correct horse battery");
    argon.peak = 0;
    const flood = MAX_CONCURRENT_HASHES + MAX_WAITING_HASHES + 10;
    const results = await Promise.allSettled(Array.from({ length: flood }, () => verifyPassword(hash, "wrong password")));
    expect(argon.peak).toBe(MAX_CONCURRENT_HASHES);
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(10);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "rate_limited", messageKey: "auth.busy" });
    // The queue drains: the next check runs normally.
    expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
  });
});
