import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { createEnterpriseActor, TEST_PASSWORD } from "@/test/fixtures";
import { useTestDatabase } from "@/test/database";
import type { AppError } from "@/lib/errors";
import { verifyCredentials } from "./credentials";
import { admitAttempt, MAX_ATTEMPTS_PER_PAIR, pairKey, SLOW_AFTER_PER_ACCOUNT, SLOW_AFTER_PER_ADDRESS } from "./login-throttle";

const argon = vi.hoisted(() => ({ verifies: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...real,
    verify: (...args: Parameters<typeof real.verify>) => {
      argon.verifies++;
      return real.verify(...args);
    },
  };
});

useTestDatabase();

/** Moves a throttle row's clock back, as if `minutes` had passed. */
async function age(key: string, minutes: number) {
  const by = `${minutes} minutes`;
  await db.execute(
    sql`update login_throttle set window_started_at = window_started_at - ${by}::interval, locked_until = locked_until - ${by}::interval where key = ${key}`,
  );
}

describe("signing in", () => {
  it("accepts the right password whatever the e-mail's case", async () => {
    const actor = await createEnterpriseActor();
    expect(await verifyCredentials(actor.email.toUpperCase(), TEST_PASSWORD, "10.0.0.1")).toEqual({ id: actor.userId, role: "enterprise" });
  });

  it("answers an unknown e-mail exactly like a wrong password, and locks it the same", async () => {
    const actor = await createEnterpriseActor();
    expect(await verifyCredentials(actor.email, "wrong-password", "10.0.0.2")).toBeNull();
    expect(await verifyCredentials("nobody@nowhere.example", "wrong-password", "10.0.0.3")).toBeNull();
    for (let i = 1; i < MAX_ATTEMPTS_PER_PAIR; i++) await verifyCredentials("nobody@nowhere.example", "x", "10.0.0.3");
    // An unknown account locks like a real one, so locking does not reveal which e-mails exist.
    await expect(verifyCredentials("nobody@nowhere.example", "x", "10.0.0.3")).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("checks at most five of 150 wrong passwords sent at once, then refuses that pair even the right one for 15 minutes", async () => {
    const actor = await createEnterpriseActor();
    const before = argon.verifies;
    const results = await Promise.allSettled(Array.from({ length: 150 }, (_, i) => verifyCredentials(actor.email, `wrong-${i}`, "10.1.1.1")));
    const checked = argon.verifies - before;
    console.log(`150 parallel wrong passwords, one account, one address: ${checked} checked by argon2`);
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(MAX_ATTEMPTS_PER_PAIR);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(checked);
    const refusals = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as AppError);
    expect(refusals.every((error) => error.code === "rate_limited")).toBe(true);
    expect(refusals.filter((error) => error.messageKey === "auth.signIn.locked")).toHaveLength(150 - MAX_ATTEMPTS_PER_PAIR);

    await expect(verifyCredentials(actor.email, TEST_PASSWORD, "10.1.1.1")).rejects.toMatchObject({ code: "rate_limited" });
    await age(pairKey(actor.email, "10.1.1.1"), 14);
    await expect(verifyCredentials(actor.email, TEST_PASSWORD, "10.1.1.1")).rejects.toMatchObject({ code: "rate_limited" });
    // From another address the owner still gets in: the account as a whole is only slowed.
    const started = Date.now();
    expect(await verifyCredentials(actor.email, TEST_PASSWORD, "10.1.1.2")).toEqual({ id: actor.userId, role: "enterprise" });
    console.log(`the right password from another address afterwards: signed in after ${Date.now() - started} ms`);
    // Once the lock is over, the pair may try again.
    await age(pairKey(actor.email, "10.1.1.1"), 2);
    expect(await verifyCredentials(actor.email, TEST_PASSWORD, "10.1.1.1")).toEqual({ id: actor.userId, role: "enterprise" });
  });

  it("slows an address trying many accounts, and never locks it out of another account", async () => {
    for (let i = 0; i < SLOW_AFTER_PER_ADDRESS + 2; i++) await admitAttempt(`spray${i}@x.example`, "10.7.7.7");
    expect(await admitAttempt("someone-else@x.example", "10.7.7.7")).toEqual({ locked: false, delayMs: expect.any(Number) as number });
    expect(await admitAttempt("someone-else@x.example", "10.7.7.7")).toMatchObject({ delayMs: expect.toSatisfy((ms: number) => ms > 0) as number });
    const actor = await createEnterpriseActor();
    expect(await verifyCredentials(actor.email, TEST_PASSWORD, "10.7.7.7")).not.toBeNull();
    expect(await admitAttempt("spray0@x.example", "10.7.7.8")).toEqual({ locked: false, delayMs: 0 });
  });

  it("does not slow an address for sign-ins that succeed", async () => {
    const actor = await createEnterpriseActor();
    for (let i = 0; i < SLOW_AFTER_PER_ADDRESS + 5; i++) expect(await verifyCredentials(actor.email, TEST_PASSWORD, "10.7.8.1")).not.toBeNull();
    expect(await admitAttempt(actor.email, "10.7.8.1")).toEqual({ locked: false, delayMs: 0 });
  });

  it("slows an account tried from many addresses, and never locks it", async () => {
    const actor = await createEnterpriseActor();
    for (let i = 0; i < SLOW_AFTER_PER_ACCOUNT + 2; i++) await admitAttempt(actor.email, `10.8.0.${i}`);
    const admission = await admitAttempt(actor.email, "10.8.1.1");
    expect(admission).toMatchObject({ locked: false });
    expect(admission.locked ? 0 : admission.delayMs).toBeGreaterThan(0);
    expect(await verifyCredentials(actor.email, TEST_PASSWORD, "10.8.1.2")).toEqual({ id: actor.userId, role: "enterprise" });
  });

  it("keeps a real sign-in from being queued behind a flood of 100 others", async () => {
    const actor = await createEnterpriseActor();
    const figures: string[] = [];
    for (const [name, addressOf] of [
      ["one address", () => "10.90.0.1"],
      ["100 addresses", (i: number) => `10.91.0.${i}`],
    ] as const) {
      const started = Date.now();
      const flood = Promise.allSettled(
        Array.from({ length: 100 }, (_, i) => verifyCredentials(`flood-${name}-${i}@x.example`, "wrong", addressOf(i))),
      );
      const real = verifyCredentials(actor.email, TEST_PASSWORD, `10.92.0.${name.length}`).then(
        (user) => ({ answer: user ? "signed in" : "refused", ms: Date.now() - started }),
        (error: AppError) => ({ answer: error.messageKey, ms: Date.now() - started }),
      );
      const [outcome, settled] = await Promise.all([real, flood]);
      const busy = settled.filter((r) => r.status === "rejected" && (r.reason as AppError).messageKey === "auth.busy").length;
      figures.push(
        `flood of 100 from ${name}: real sign-in ${outcome.answer} after ${outcome.ms} ms; flood done after ${Date.now() - started} ms, ${busy} answered busy`,
      );
      expect(["signed in", "auth.busy"]).toContain(outcome.answer);
    }
    console.log(figures.join("\n"));
  });
});
