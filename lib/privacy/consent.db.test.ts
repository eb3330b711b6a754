import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { enterprises, events, experts, users } from "@/db/schema";
import { applyAction } from "@/app/(public)/apply/actions";
import { registerEnterpriseAction } from "@/app/(public)/register/actions";
import { POST as registerRoute } from "@/app/api/v1/enterprises/register/route";
import { callActionAs } from "@/test/action-caller";
import { applicant, newCompany } from "@/test/access/sample-inputs";
import { useTestDatabase } from "@/test/database";
import { PRIVACY_NOTICE_VERSION } from "./notice";

vi.mock("next/headers", () => import("@/test/next-request"));

useTestDatabase();

const accountOf = async (email: string) =>
  (
    await db
      .select({ id: users.id, version: users.privacyNoticeVersion, at: users.privacyConsentedAt, enterpriseId: users.enterpriseId })
      .from(users)
      .where(eq(users.email, email))
  )[0];

/** Around now, on the database's clock as the test sees it. */
const justNow = (at: Date | null | undefined) => {
  expect(at).toBeInstanceOf(Date);
  expect(Math.abs(at!.getTime() - Date.now())).toBeLessThan(60_000);
};

describe("consent to the privacy notice on the registration form", () => {
  it("is required: without the box ticked the form is refused under the box, and nothing is saved", async () => {
    const company = newCompany();
    const result = await callActionAs("anonymous", registerEnterpriseAction, { ...company, privacyConsent: undefined });
    expect(result).toMatchObject({ ok: false, code: "invalid_input", fields: { privacyConsent: "请阅读并勾选同意《个人信息保护告知书》后再提交" } });
    expect(await accountOf(company.email)).toBeUndefined();
    expect(await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.name, company.companyName))).toEqual([]);
  });

  it("is refused when the box sends anything but a tick", async () => {
    const company = newCompany();
    const result = await callActionAs("anonymous", registerEnterpriseAction, { ...company, privacyConsent: "false" });
    expect(result).toMatchObject({ ok: false, fields: { privacyConsent: expect.any(String) } });
    expect(await accountOf(company.email)).toBeUndefined();
  });

  it("ticked, registers the company and records on the account which notice was agreed to, and when", async () => {
    const company = newCompany();
    const result = await callActionAs("anonymous", registerEnterpriseAction, { ...company, privacyConsent: "true" });
    expect(result).toMatchObject({ ok: true });
    const account = await accountOf(company.email);
    expect(account?.version).toBe(PRIVACY_NOTICE_VERSION);
    justNow(account?.at);
    const [registered] = await db.select({ data: events.data }).from(events).where(eq(events.entityId, account!.enterpriseId!));
    expect(registered?.data).toMatchObject({ privacyNotice: PRIVACY_NOTICE_VERSION });
  });
});

describe("consent through the registration API (its contract unchanged)", () => {
  const post = (body: unknown, address: string) =>
    registerRoute(
      new Request("http://localhost/api/v1/enterprises/register", {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json", "x-forwarded-for": address },
      }),
    );

  it("registers without privacyConsent, recording no consent", async () => {
    const company = newCompany();
    expect((await post(company, "10.77.0.1")).status).toBe(201);
    expect(await accountOf(company.email)).toMatchObject({ version: null, at: null });
  });

  it("records privacyConsent: true, and refuses privacyConsent: false", async () => {
    const agreed = newCompany();
    expect((await post({ ...agreed, privacyConsent: true }, "10.77.0.2")).status).toBe(201);
    expect((await accountOf(agreed.email))?.version).toBe(PRIVACY_NOTICE_VERSION);

    const declined = newCompany();
    const response = await post({ ...declined, privacyConsent: false }, "10.77.0.3");
    expect(response.status).toBe(422);
    expect(await accountOf(declined.email)).toBeUndefined();
  });
});

describe("consent to the privacy notice on the application to join the roster", () => {
  it("is required: without it the application is refused under the box, and no account or expert is made", async () => {
    const person = applicant();
    const result = await callActionAs("anonymous", applyAction, { ...person, privacyConsent: undefined });
    expect(result).toMatchObject({ ok: false, code: "invalid_input", fields: { privacyConsent: expect.stringContaining("个人信息保护告知书") } });
    expect(await accountOf(person.email)).toBeUndefined();
    expect(await db.select({ id: experts.id }).from(experts).where(eq(experts.licenseNumber, person.licenseNumber))).toEqual([]);
  });

  it("ticked, files the application and records the notice's version and the time on the applicant's account", async () => {
    const person = applicant();
    const result = await callActionAs("anonymous", applyAction, { ...person, privacyConsent: "true" });
    expect(result).toMatchObject({ ok: true, data: { status: "pending" } });
    const account = await accountOf(person.email);
    expect(account?.version).toBe(PRIVACY_NOTICE_VERSION);
    justNow(account?.at);
    const [applied] = await db.select({ data: events.data }).from(events).where(eq(events.actorUserId, account!.id));
    expect(applied?.data).toMatchObject({ privacyNotice: PRIVACY_NOTICE_VERSION });
  });
});
