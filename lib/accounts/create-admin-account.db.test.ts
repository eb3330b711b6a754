import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { events, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { useTestDatabase } from "@/test/database";
import { createAdminAccount } from "./create-admin-account";
import { setPasswordSchema } from "./schemas";
import { checkPasswordLink, setPasswordWithLink } from "./set-password";

useTestDatabase();

const accountOf = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0];

describe("the first admin, from the command line", () => {
  it("creates an unscoped admin who can sign in only after using the one-time link", async () => {
    const { userId, token } = await createAdminAccount({ email: " First.Admin@Example.org ", name: "县法学会管理员" });
    const account = await accountOf("first.admin@example.org");
    expect(account).toMatchObject({ id: userId, role: "admin", regionScope: null, name: "县法学会管理员" });
    expect(await verifyPassword(account!.passwordHash, "")).toBe(false);
    expect(token).toBeTruthy();
    expect(await checkPasswordLink(token!)).toMatchObject({ status: "valid", purpose: "invite", userId });

    const password = "a-long-admin-passphrase";
    await setPasswordWithLink(setPasswordSchema.parse({ token, password, confirm: password }));
    expect(await verifyPassword((await accountOf("first.admin@example.org"))!.passwordHash, password)).toBe(true);
    expect(await checkPasswordLink(token!)).toEqual({ status: "used" });
    const trail = await db.select().from(events).where(eq(events.entityId, userId)).orderBy(events.id);
    expect(trail).toEqual([
      expect.objectContaining({ type: "user.created", actorRole: "system" }),
      expect.objectContaining({ type: "account.password-set", actorRole: "system" }),
    ]);
  });

  it("takes a password instead of a link, and checks it like any other", async () => {
    const { token } = await createAdminAccount({ email: "second@example.org", name: "B", password: "correct-horse-battery" });
    expect(token).toBeNull();
    expect(await verifyPassword((await accountOf("second@example.org"))!.passwordHash, "correct-horse-battery")).toBe(true);
    await expect(createAdminAccount({ email: "third@example.org", name: "C", password: "short" })).rejects.toThrow();
    expect(await accountOf("third@example.org")).toBeUndefined();
  });

  it("refuses an e-mail that exists and changes nothing", async () => {
    await createAdminAccount({ email: "taken@example.org", name: "Taken" });
    const before = await db.select().from(users);
    await expect(createAdminAccount({ email: "TAKEN@example.org", name: "Again" })).rejects.toMatchObject({
      code: "conflict",
      options: { fields: { email: "errors.field.emailTaken" } },
    });
    expect(await db.select().from(users)).toHaveLength(before.length);
  });
});
