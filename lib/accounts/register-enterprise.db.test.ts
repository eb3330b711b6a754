import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { enterprises, events, users } from "@/db/schema";
import { POST } from "@/app/api/v1/enterprises/register/route";
import { useTestDatabase } from "@/test/database";

useTestDatabase();

let addressCount = 0;
const post = (body: unknown, address = `10.70.0.${++addressCount}`) =>
  POST(
    new Request("http://localhost/api/v1/enterprises/register", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", "x-forwarded-for": address },
    }),
  );
const fieldsOf = async (response: Response) => ((await response.json()) as { error: { fields: Record<string, string> } }).error.fields;

const valid = {
  companyName: "嘉善恒信机械有限公司",
  creditCode: " 9144030071526726xg ",
  contactName: "王经理",
  email: "Wang@Example.COM",
  password: "a-long-password",
};

describe("enterprise self-registration", () => {
  it("registers the company claiming the normalised credit code, waiting for verification, with a hashed password", async () => {
    const response = await post(valid);
    expect(response.status).toBe(201);
    const { enterpriseId, userId } = (await response.json()) as { enterpriseId: string; userId: string };
    const [enterprise] = await db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
    expect(enterprise).toMatchObject({ creditCode: null, claimedCreditCode: "9144030071526726XG", verification: "pending" });
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    expect(user?.email).toBe("wang@example.com");
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("refuses a taken e-mail or credit code with 409 and a field message", async () => {
    const sameEmail = await post({ ...valid, creditCode: "914403001922038216" });
    expect(sameEmail.status).toBe(409);
    expect(((await sameEmail.json()) as { error: { fields: Record<string, string> } }).error.fields.email).toBeTruthy();
    const sameCode = await post({ ...valid, email: "other@example.com" });
    expect(sameCode.status).toBe(409);
    expect((await fieldsOf(sameCode)).creditCode).toContain("邀请");
  });

  it("registers a code only stations have filed for, waiting for verification: the walk-ins stay with the stations", async () => {
    const code = "91330421MA2B3C4D5K";
    const [walkIn] = await db
      .insert(enterprises)
      .values({ name: "嘉善某纺织厂", nameNormalized: "嘉善某纺织厂", creditCode: code, contactName: "赵" })
      .returning({ id: enterprises.id });
    const response = await post({ ...valid, email: "zhao@example.com", creditCode: code });
    expect(response.status).toBe(201);
    const { enterpriseId } = (await response.json()) as { enterpriseId: string };
    expect(enterpriseId).not.toBe(walkIn!.id);
    const [registered] = await db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
    expect(registered).toMatchObject({ creditCode: null, claimedCreditCode: code, verification: "pending" });
    const [stillTheStations] = await db.select().from(enterprises).where(eq(enterprises.id, walkIn!.id));
    expect(stillTheStations?.creditCode).toBe(code);
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.entityId, enterpriseId), eq(events.type, "enterprise.registered")));
    expect(event?.data).toEqual({ creditCode: code, verification: "pending" });
  });

  it("refuses a short or common password, naming the field", async () => {
    for (const password of ["short", "1234567890", "Password123"]) {
      const response = await post({ ...valid, email: `p-${password}@example.com`, creditCode: "91330421MA2B3C4D5K", password });
      expect(response.status, password).toBe(422);
      expect((await fieldsOf(response)).password, password).toBeTruthy();
    }
  });

  it("takes at most ten registrations from one address in 15 minutes", async () => {
    // Each is counted before any work, whatever it is answered.
    const answers = [];
    for (let i = 0; i < 11; i++)
      answers.push((await post({ ...valid, email: "flood@example.com", creditCode: "914403001922038216" }, "10.71.0.1")).status);
    expect(answers.slice(0, 10)).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    expect(answers[10]).toBe(429);
    expect((await post({ ...valid, email: "flood@example.com" }, "10.71.0.2")).status).toBe(409);
  });

  it("says what is wrong with a bad code (422) and stores nothing", async () => {
    const before = (await db.select().from(enterprises)).length;
    const response = await post({ ...valid, email: "x@example.com", creditCode: "9144030071526726XA" });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.fields.creditCode).toContain("校验位");
    const forbidden = await post({ ...valid, email: "y@example.com", creditCode: "914403007152672OXG" });
    expect(((await forbidden.json()) as { error: { fields: Record<string, string> } }).error.fields.creditCode).toContain("I、O、S、V、Z");
    expect((await db.select().from(enterprises)).length).toBe(before);
  });

  it("answers malformed JSON with 400 and missing fields with 422 in the caller's language", async () => {
    const malformed = await POST(
      new Request("http://localhost/api/v1/enterprises/register", { method: "POST", body: "{oops", headers: { "content-type": "application/json" } }),
    );
    expect(malformed.status).toBe(400);
    const missing = await POST(
      new Request("http://localhost/api/v1/enterprises/register", {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json", "accept-language": "en-GB,en" },
      }),
    );
    expect(missing.status).toBe(422);
    const body = (await missing.json()) as { error: { fields: Record<string, string> } };
    expect(body.error.fields.companyName).toBe("This field is required.");
  });
});
