import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { events } from "@/db/schema";
import { useTestDatabase } from "@/test/database";
import { createAdminActor, createEnterpriseActor } from "@/test/fixtures";
import { verifyCredentials } from "./credentials";
import { MAX_ATTEMPTS_PER_PAIR } from "./login-throttle";

useTestDatabase();

const lockouts = () =>
  db
    .select({
      entityType: events.entityType,
      entityId: events.entityId,
      actorRole: events.actorRole,
      regionCode: events.regionCode,
      data: events.data,
    })
    .from(events)
    .where(eq(events.type, "auth.lockedOut"));

describe("a sign-in lockout on the audit trail", () => {
  it("is written once when a pair locks, with the account and no password, in the account's district", async () => {
    const admin = await createAdminActor("310118");
    const before = (await lockouts()).length;
    const tries = Array.from({ length: 30 }, (_, i) => verifyCredentials(admin.email, `secret-guess-${i}`, "10.9.0.1"));
    const results = await Promise.allSettled(tries);
    expect(results.filter((r) => r.status === "rejected").length).toBeGreaterThanOrEqual(30 - MAX_ATTEMPTS_PER_PAIR);
    // Refused attempts while the lock holds write nothing more.
    await expect(verifyCredentials(admin.email, "secret-guess-again", "10.9.0.1")).rejects.toMatchObject({ code: "rate_limited" });

    const written = (await lockouts()).slice(before);
    expect(written).toEqual([
      { entityType: "user", entityId: admin.userId, actorRole: "system", regionCode: "310118", data: { address: "10.9.0.1", minutes: 15 } },
    ]);
    expect(JSON.stringify(written)).not.toContain("secret-guess");
  });

  it("names no e-mail for an account that does not exist, and each locked pair once", async () => {
    const member = await createEnterpriseActor();
    for (let i = 0; i <= MAX_ATTEMPTS_PER_PAIR; i++) await verifyCredentials("typo-or-password@nowhere.example", "x", "10.9.0.2").catch(() => null);
    for (let i = 0; i <= MAX_ATTEMPTS_PER_PAIR; i++) await verifyCredentials(member.email, "y", "10.9.0.3").catch(() => null);
    for (let i = 0; i <= MAX_ATTEMPTS_PER_PAIR; i++) await verifyCredentials(member.email, "y", "10.9.0.4").catch(() => null);
    const unknown = await db
      .select({ entityId: events.entityId, data: events.data, regionCode: events.regionCode })
      .from(events)
      .where(and(eq(events.type, "auth.lockedOut"), eq(events.entityType, "sign_in")));
    expect(unknown).toEqual([{ entityId: "unknown-account", data: { address: "10.9.0.2", minutes: 15 }, regionCode: null }]);
    expect(JSON.stringify(unknown)).not.toContain("nowhere.example");
    const known = await db
      .select({ data: events.data })
      .from(events)
      .where(and(eq(events.type, "auth.lockedOut"), eq(events.entityId, member.userId)));
    expect(known.map((e) => (e.data as { address: string }).address).sort()).toEqual(["10.9.0.3", "10.9.0.4"]);
  });
});
