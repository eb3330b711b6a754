import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rowsOf } from "@/db";
import { useTestDatabase } from "../database";
import { bearerFor, createAdminActor } from "../fixtures";
import { databaseFingerprint } from "./database-fingerprint";

useTestDatabase();

/** The access suites trust this to see every kind of write; here each one is made and must show. */
describe("databaseFingerprint", () => {
  const changed = async (write: () => Promise<unknown>) => {
    const before = JSON.stringify(await databaseFingerprint());
    await write();
    return JSON.stringify(await databaseFingerprint()) !== before;
  };
  const category = async () =>
    rowsOf<{ category: string; codes: string }>(
      await db.execute(sql`select category, specialty_codes::text as codes from category_specialties order by category limit 1`),
    )[0]!;

  it("stays the same when nothing is written", async () => {
    expect(await changed(() => db.execute(sql`select count(*) from requests`))).toBe(false);
  });

  it("moves on an update that changes a value, and not on one that writes the same value", async () => {
    const { category: name } = await category();
    const rewrite = sql`update category_specialties set specialty_codes = specialty_codes where category = ${name}`;
    expect(await changed(() => db.execute(rewrite))).toBe(false);
    const append = sql`update category_specialties set specialty_codes = array_append(specialty_codes, 'x') where category = ${name}`;
    expect(await changed(() => db.execute(append))).toBe(true);
  });

  it("moves on a delete and on an insert", async () => {
    const { category: name, codes } = await category();
    expect(await changed(() => db.execute(sql`delete from category_specialties where category = ${name}`))).toBe(true);
    expect(
      await changed(() => db.execute(sql`insert into category_specialties (category, specialty_codes) values (${name}, ${codes}::text[])`)),
    ).toBe(true);
  });

  it("ignores a token's last-used stamp but not a change to the token", async () => {
    await bearerFor(await createAdminActor(), ["me.read"]);
    const [token] = rowsOf<{ id: string }>(await db.execute(sql`select id from api_tokens limit 1`));
    expect(await changed(() => db.execute(sql`update api_tokens set last_used_at = now() where id = ${token!.id}`))).toBe(false);
    expect(await changed(() => db.execute(sql`update api_tokens set revoked_at = now() where id = ${token!.id}`))).toBe(true);
  });
});
