import { describe, expect, it } from "vitest";
import { createEnterpriseActor, TEST_PASSWORD } from "@/test/fixtures";
import { useTestDatabase } from "@/test/database";
import { verifyCredentials } from "./credentials";
import { lockedForMinutes, MAX_FAILURES_PER_ACCOUNT } from "./login-throttle";

useTestDatabase();

describe("signing in", () => {
  it("accepts the right password whatever the e-mail's case", async () => {
    const actor = await createEnterpriseActor();
    expect(await verifyCredentials(actor.email.toUpperCase(), TEST_PASSWORD, "10.0.0.1")).toEqual({ id: actor.userId, role: "enterprise" });
  });

  it("answers an unknown e-mail exactly like a wrong password, and counts it the same", async () => {
    const actor = await createEnterpriseActor();
    expect(await verifyCredentials(actor.email, "wrong-password", "10.0.0.2")).toBeNull();
    expect(await verifyCredentials("nobody@nowhere.example", "wrong-password", "10.0.0.3")).toBeNull();
    for (let i = 1; i < MAX_FAILURES_PER_ACCOUNT; i++) await verifyCredentials("nobody@nowhere.example", "x", `10.2.0.${i}`);
    // An unknown account locks like a real one, so locking does not reveal which e-mails exist.
    expect(await lockedForMinutes("nobody@nowhere.example", "10.9.9.1")).toBe(15);
  });

  it("locks an account after repeated failures with the minutes left, even for the right password", async () => {
    const actor = await createEnterpriseActor();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await verifyCredentials(actor.email, "wrong", `10.1.0.${i}`);
    expect(await lockedForMinutes(actor.email, "10.9.9.9")).toBe(15);
    await expect(verifyCredentials(actor.email, TEST_PASSWORD, "10.9.9.9")).rejects.toMatchObject({
      code: "rate_limited",
      options: { params: { minutes: 15 } },
    });
    // Fifteen minutes later the account may try again.
    expect(await lockedForMinutes(actor.email, "10.9.9.9", new Date(Date.now() + 15 * 60_000 + 1000))).toBe(0);
  });

  it("limits one address across many accounts", async () => {
    for (let i = 0; i < 20; i++) await verifyCredentials(`spray${i}@x.example`, "wrong", "10.7.7.7");
    const actor = await createEnterpriseActor();
    await expect(verifyCredentials(actor.email, TEST_PASSWORD, "10.7.7.7")).rejects.toMatchObject({ code: "rate_limited" });
    expect(await verifyCredentials(actor.email, TEST_PASSWORD, "10.7.7.8")).not.toBeNull();
  });
});
