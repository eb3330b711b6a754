import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { requestContacts, requests } from "@/db/schema";
import { POST } from "@/app/api/v1/requests/[id]/contact/route";
import type { Actor } from "@/lib/authz";
import { setClock } from "@/lib/clock";
import { getRequestDetail } from "@/lib/requests/queries";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { fileAs, moveTo } from "@/test/request-fixtures";

useTestDatabase();
afterEach(() => setClock(null));

const acceptedAt = new Date("2026-11-30T09:00:00+08:00");

async function contact(as: Actor, requestId: string, body: unknown) {
  const response = await POST(
    new Request(`http://localhost/api/v1/requests/${requestId}/contact`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", authorization: `Bearer ${await bearerFor(as)}` },
    }),
    { params: Promise.resolve({ id: requestId }) },
  );
  return { status: response.status, body: (await response.json()) as { id?: string; error?: { fields?: Record<string, string> } } };
}

async function acceptedCase() {
  const enterprise = await createEnterpriseActor();
  const expert = await createExpertActor();
  const id = await fileAs(enterprise);
  await moveTo(id, "accepted", expert);
  await db.update(requests).set({ acceptedAt }).where(eq(requests.id, id));
  return { enterprise, expert, id };
}

describe("POST /api/v1/requests/{id}/contact", () => {
  it("records the assigned expert's contact with the company, on the timeline", async () => {
    setClock(new Date("2026-11-30T15:00:00+08:00"));
    const { enterprise, expert, id } = await acceptedCase();
    const answer = await contact(expert, id, { at: "2026-11-30T10:30:00+08:00", method: "phone", note: "约定周三到企业看合同" });
    expect(answer.status).toBe(201);
    const [row] = await db.select().from(requestContacts).where(eq(requestContacts.requestId, id));
    expect(row).toMatchObject({ id: answer.body.id, method: "phone", note: "约定周三到企业看合同", expertId: expert.expertId });
    expect(row!.contactedAt.toISOString()).toBe("2026-11-30T02:30:00.000Z");
    const detail = await getRequestDetail(enterprise, id);
    expect(detail.events.map((e) => e.type)).toContain("request.contacted");
  });

  it("refuses what cannot be true, and writes nothing", async () => {
    setClock(new Date("2026-11-30T15:00:00+08:00"));
    const { expert, id } = await acceptedCase();
    const cases: [unknown, number, string?][] = [
      [{ at: "2026-11-30T16:00:00+08:00", method: "phone" }, 422, "at"], // later than now
      [{ at: "2026-11-29T10:00:00+08:00", method: "visit" }, 422, "at"], // before accepting
      [{ at: "2026-11-30T10:00:00+08:00", method: "fax" }, 422, "method"],
      [{ at: "yesterday", method: "phone" }, 422, "at"],
      [{ method: "phone" }, 422, "at"],
    ];
    for (const [body, status, field] of cases) {
      const answer = await contact(expert, id, body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      if (field) expect(answer.body.error?.fields?.[field], JSON.stringify(body)).toBeTruthy();
    }
    expect(await db.select().from(requestContacts).where(eq(requestContacts.requestId, id))).toHaveLength(0);
  });

  it("is the assigned expert's alone, and only while the case is being worked", async () => {
    setClock(new Date("2026-11-30T15:00:00+08:00"));
    const { enterprise, id } = await acceptedCase();
    const body = { at: "2026-11-30T10:00:00+08:00", method: "online" };
    expect((await contact(enterprise, id, body)).status).toBe(403);
    expect((await contact(await createAdminActor(), id, body)).status).toBe(403);
    // another expert, who cannot see the case
    expect((await contact(await createExpertActor(), id, body)).status).toBe(404);

    const { expert: other, id: closed } = await acceptedCase();
    await db.update(requests).set({ status: "closed" }).where(eq(requests.id, closed));
    expect((await contact(other, closed, body)).status).toBe(409);
  });
});
