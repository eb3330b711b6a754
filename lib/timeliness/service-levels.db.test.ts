import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { events } from "@/db/schema";
import { GET, PUT } from "@/app/api/v1/settings/service-levels/route";
import type { Actor } from "@/lib/authz";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor } from "@/test/fixtures";
import { defaultServiceLevels, SERVICE_LEVELS_KEY } from "./defaults";
import type { ServiceLevels } from "./schemas";

useTestDatabase();

const url = "http://localhost/api/v1/settings/service-levels";
async function call(as: Actor, method: "GET" | "PUT", body?: unknown) {
  const init = {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${await bearerFor(as)}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
  const response = await (method === "GET" ? GET : PUT)(new Request(url, init), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as ServiceLevels & { error?: { fields?: Record<string, string> } } };
}

const changes = () =>
  db
    .select({ data: events.data })
    .from(events)
    .where(and(eq(events.entityType, "settings"), eq(events.entityId, SERVICE_LEVELS_KEY)));

describe("service levels", () => {
  it("are installed with the reference data, so an empty server has the defaults", async () => {
    const admin = await createAdminActor();
    const { status, body } = await call(admin, "GET");
    expect(status).toBe(200);
    expect(body).toEqual(defaultServiceLevels);
    expect(body.parallelOffers).toEqual({ normal: 1, urgent: 3 });
  });

  it("are replaced whole by an unscoped admin, recorded before and after; GET returns exactly what PUT took", async () => {
    const admin = await createAdminActor();
    const next: ServiceLevels = {
      ...defaultServiceLevels,
      triageHours: 6,
      resolutionDays: { ...defaultServiceLevels.resolutionDays, ecommerce: 20 },
    };
    expect((await call(admin, "PUT", next)).status).toBe(200);
    expect((await call(admin, "GET")).body).toEqual(next);
    const recorded = await changes();
    expect(recorded.at(-1)!.data).toMatchObject({ before: { triageHours: 8 }, after: { triageHours: 6, resolutionDays: { ecommerce: 20 } } });
  });

  it("refuses what is invalid with the field's reason, and changes nothing", async () => {
    const admin = await createAdminActor();
    const before = (await call(admin, "GET")).body;
    const recorded = (await changes()).length;
    const { resolutionDays: _missing, ...withoutDays } = before;
    for (const bad of [
      { ...before, urgentTriageHours: before.triageHours + 1 },
      { ...before, triageHours: 0 },
      { ...before, parallelOffers: { normal: 1, urgent: 9 } },
      { ...before, resolutionDays: { ...before.resolutionDays, labor: 1.5 } },
      withoutDays,
      { ...before, extra: 1 },
    ]) {
      const answer = await call(admin, "PUT", bad);
      expect(answer.status, JSON.stringify(bad)).toBe(422);
    }
    const answer = await call(admin, "PUT", { ...before, urgentTriageHours: before.triageHours + 1 });
    expect(answer.body.error?.fields?.urgentTriageHours).toBe("紧急诉求的受理时限不能长于一般诉求。");
    expect((await call(admin, "GET")).body).toEqual(before);
    expect(await changes()).toHaveLength(recorded);
  });

  it("bind the whole zone: a district's admin reads them and may not change them", async () => {
    const districtAdmin = await createAdminActor("310118");
    const current = (await call(districtAdmin, "GET")).body;
    expect(current.triageHours).toBeGreaterThan(0);
    expect((await call(districtAdmin, "PUT", { ...current, triageHours: 1, urgentTriageHours: 1 })).status).toBe(403);
    expect((await call(districtAdmin, "GET")).body).toEqual(current);
  });
});
