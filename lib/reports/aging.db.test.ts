import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { database, db } from "@/db";
import { requests } from "@/db/schema";
import { GET } from "@/app/api/v1/reports/aging/route";
import type { Actor } from "@/lib/authz";
import { setClock } from "@/lib/clock";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor } from "@/test/fixtures";
import { fileAs, moveTo } from "@/test/request-fixtures";
import { planOf, statementsDuring } from "@/test/statement-count";
import { agingReport } from "./aging";

useTestDatabase();
afterEach(() => setClock(null));

const now = new Date("2026-12-01T10:00:00+08:00");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

async function aging(as: Actor, query = "") {
  const response = await GET(
    new Request(`http://localhost/api/v1/reports/aging${query}`, { headers: { authorization: `Bearer ${await bearerFor(as)}` } }),
    { params: Promise.resolve({}) },
  );
  return {
    status: response.status,
    body: (await response.json()) as { items: { regionCode: string; status: string; bucket: string; count: number }[] },
  };
}

/** A request filed `hours` before now in `regionCode`, in `status`. */
async function filed(hours: number, regionCode = "330421002", status: "submitted" | "in_progress" | "closed" = "submitted") {
  const id = await fileAs(await createEnterpriseActor(undefined, regionCode), { regionCode });
  await db
    .update(requests)
    .set({ submittedAt: hoursAgo(hours) })
    .where(eq(requests.id, id));
  if (status !== "submitted") await moveTo(id, status);
  return id;
}

describe("GET /api/v1/reports/aging", () => {
  it("counts the open requests by district, status and half-open age bucket", async () => {
    const admin = await createAdminActor();
    const before = (await aging(admin)).body.items;
    await filed(0.5); // 0-1d
    await filed(24); // exactly one day: 1-3d
    await filed(71.9); // 1-3d
    await filed(24 * 7); // exactly a week: 7-30d
    await filed(24 * 45); // 30d+
    await filed(24 * 45, "330421002", "in_progress");
    await filed(24 * 2, "330421002", "closed"); // not open: not counted
    await filed(24 * 2, "310118001"); // 青浦: its own district
    setClock(now);

    const { status, body } = await aging(admin);
    expect(status).toBe(200);
    const added = (regionCode: string, state: string, bucket: string) =>
      (body.items.find((i) => i.regionCode === regionCode && i.status === state && i.bucket === bucket)?.count ?? 0) -
      (before.find((i) => i.regionCode === regionCode && i.status === state && i.bucket === bucket)?.count ?? 0);
    expect(added("330421", "submitted", "0-1d")).toBe(1);
    expect(added("330421", "submitted", "1-3d")).toBe(2);
    expect(added("330421", "submitted", "3-7d")).toBe(0);
    expect(added("330421", "submitted", "7-30d")).toBe(1);
    expect(added("330421", "submitted", "30d+")).toBe(1);
    expect(added("330421", "in_progress", "30d+")).toBe(1);
    expect(added("310118", "submitted", "1-3d")).toBe(1);
    expect(body.items.some((i) => i.status === "closed")).toBe(false);
  });

  it("shows a district's admin its district, and narrows to a region when asked", async () => {
    await filed(5, "310118001");
    setClock(now);
    const qingpu = await createAdminActor("310118");
    const own = (await aging(qingpu)).body.items;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((i) => i.regionCode === "310118")).toBe(true);

    const admin = await createAdminActor();
    const narrowed = (await aging(admin, "?region=330421")).body.items;
    expect(narrowed.every((i) => i.regionCode === "330421")).toBe(true);
    expect((await aging(admin, "?region=abc")).status).toBe(422);
  });

  it("finds the open requests through the status index, not by reading every request", async () => {
    const admin = await createAdminActor();
    const { statements, parameters } = await statementsDuring(database(), () => agingReport(admin, {}));
    const reads = statements.flatMap((text, i) => (text.includes('from "requests"') ? [{ text, params: parameters[i]! }] : []));
    expect(reads).toHaveLength(1);
    const plan = await planOf(reads[0]!.text, reads[0]!.params, { withoutSeqScans: true });
    expect(plan).not.toMatch(/Seq Scan on requests/);
    // the open statuses are the index's condition, not a filter over every entry of it
    expect(plan).toMatch(/Index Cond: \(status = ANY/);
  });
});
