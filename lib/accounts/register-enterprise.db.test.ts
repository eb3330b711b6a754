import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { enterprises, users } from "@/db/schema";
import { POST } from "@/app/api/v1/enterprises/register/route";
import { useTestDatabase } from "@/test/database";

useTestDatabase();

const post = (body: unknown) =>
  POST(
    new Request("http://localhost/api/v1/enterprises/register", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }),
  );

const valid = {
  companyName: "嘉善恒信机械有限公司",
  creditCode: " 9144030071526726xg ",
  contactName: "王经理",
  email: "Wang@Example.COM",
  password: "a-long-password",
};

describe("enterprise self-registration", () => {
  it("registers the company with the normalised credit code and a hashed password", async () => {
    const response = await post(valid);
    expect(response.status).toBe(201);
    const { enterpriseId, userId } = (await response.json()) as { enterpriseId: string; userId: string };
    const [enterprise] = await db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
    expect(enterprise?.creditCode).toBe("9144030071526726XG");
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
    expect(((await sameCode.json()) as { error: { fields: Record<string, string> } }).error.fields.creditCode).toBeTruthy();
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
