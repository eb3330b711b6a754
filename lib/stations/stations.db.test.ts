import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/stations/route";
import { GET as oneRoute, PATCH as patchRoute } from "@/app/api/v1/stations/[id]/route";
import { POST as fileRoute } from "@/app/api/v1/requests/route";
import { db, rowsOf } from "@/db";
import { events, stations } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { fileRequest } from "@/lib/requests/file-request";
import { openSecondConnection, useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createStationActor } from "@/test/fixtures";
import { requestInput } from "@/test/request-fixtures";

useTestDatabase();

type Json = Record<string, unknown>;

async function call(
  handler: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>,
  init: { method: string; token?: string; body?: unknown; id?: string; query?: string },
): Promise<{ status: number; body: Json }> {
  const response = await handler(
    new Request(`http://localhost/api/v1/stations${init.query ?? ""}`, {
      method: init.method,
      headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve<Record<string, string>>(init.id ? { id: init.id } : {}) },
  );
  return { status: response.status, body: (await response.json()) as Json };
}

const eventsOf = (stationId: string) =>
  db
    .select({ type: events.type, actorUserId: events.actorUserId, data: events.data })
    .from(events)
    .where(and(eq(events.entityType, "station"), eq(events.entityId, stationId)))
    .orderBy(events.id);

const countOf = async (table: "stations" | "requests" | "enterprises" | "events") =>
  rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

const luoxing = { name: "罗星街道法律服务站", regionCode: "330421002", address: "嘉善县罗星街道亭桥北路 1 号", phone: "0573-84110001" };

describe("stations", () => {
  let jiashanAdmin: Actor;
  let qingpuAdmin: Actor;
  let zoneAdmin: Actor;
  const token = {} as Record<"jiashan" | "qingpu" | "zone", string>;

  beforeAll(async () => {
    jiashanAdmin = await createAdminActor("330421");
    qingpuAdmin = await createAdminActor("310118");
    zoneAdmin = await createAdminActor();
    token.jiashan = await bearerFor(jiashanAdmin);
    token.qingpu = await bearerFor(qingpuAdmin);
    token.zone = await bearerFor(zoneAdmin);
  });

  async function aStation(overrides: Json = {}) {
    const created = await call(createRoute, { method: "POST", token: token.zone, body: { ...luoxing, ...overrides } });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  describe("creating", () => {
    it("lets the admin of the district create one there (201, with its event)", async () => {
      const created = await call(createRoute, {
        method: "POST",
        token: token.jiashan,
        body: { ...luoxing, name: "  惠民街道法律服务站 ", regionCode: "330421003", hours: "周一至周五 8:30-17:00" },
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: "惠民街道法律服务站",
        regionCode: "330421003",
        address: luoxing.address,
        phone: luoxing.phone,
        hours: "周一至周五 8:30-17:00",
        closed: false,
        closedAt: null,
      });
      expect(await eventsOf(created.body.id as string)).toEqual([
        { type: "station.created", actorUserId: jiashanAdmin.userId, data: expect.objectContaining({ regionCode: "330421003" }) },
      ]);
    });

    it("refuses an admin of another district with 403, and writes nothing", async () => {
      const before = [await countOf("stations"), await countOf("events")];
      const refused = await call(createRoute, { method: "POST", token: token.qingpu, body: luoxing });
      expect(refused.status).toBe(403);
      expect([await countOf("stations"), await countOf("events")]).toEqual(before);
      // …who may create one in their own district, and an unscoped admin anywhere in the zone.
      expect((await call(createRoute, { method: "POST", token: token.qingpu, body: { ...luoxing, regionCode: "310118102" } })).status).toBe(201);
      expect((await call(createRoute, { method: "POST", token: token.zone, body: { ...luoxing, regionCode: "320509" } })).status).toBe(201);
    });

    it("answers 422 with the field for a missing name or address, an unknown region, a region outside the zone or a bad phone", async () => {
      const before = await countOf("stations");
      const fieldsOf = async (body: Json) => {
        const answer = await call(createRoute, { method: "POST", token: token.zone, body });
        expect(answer.status).toBe(422);
        return (answer.body.error as { fields: Json }).fields;
      };
      expect(await fieldsOf({ regionCode: "330421002" })).toEqual({ name: "此项必填。", address: "此项必填。" });
      expect(await fieldsOf({ ...luoxing, regionCode: "999999" })).toEqual({ regionCode: "未知的地区代码。" });
      expect(await fieldsOf({ ...luoxing, regionCode: "33042" })).toEqual({ regionCode: "未知的地区代码。" });
      expect(await fieldsOf({ ...luoxing, regionCode: "310101" })).toEqual({ regionCode: expect.stringContaining("青吴嘉示范区") });
      expect(await fieldsOf({ ...luoxing, phone: "call us" })).toEqual({ phone: "请输入有效的电话号码。" });
      expect(await fieldsOf({ ...luoxing, hours: "时".repeat(201) })).toEqual({ hours: "内容过长。" });
      expect(await countOf("stations")).toBe(before);
    });

    it("checks the region before the district, so an admin learns what is wrong with the input first", async () => {
      expect((await call(createRoute, { method: "POST", token: token.qingpu, body: { ...luoxing, regionCode: "999999" } })).status).toBe(422);
    });
  });

  describe("changing", () => {
    it("lets the admin of its district change it, recording each changed field before and after", async () => {
      const id = await aStation();
      const changed = await call(patchRoute, {
        method: "PATCH",
        token: token.jiashan,
        id,
        body: { address: "嘉善县罗星街道体育南路 2 号", hours: "周一至周六 9:00-17:00", phone: null, name: luoxing.name },
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ address: "嘉善县罗星街道体育南路 2 号", hours: "周一至周六 9:00-17:00", phone: null, closed: false });
      const [event] = await eventsOf(id).then((rows) => rows.filter((r) => r.type === "station.updated"));
      expect(event!.data).toEqual({
        regionCode: "330421002",
        before: { address: luoxing.address, phone: luoxing.phone, hours: null },
        after: { address: "嘉善县罗星街道体育南路 2 号", phone: null, hours: "周一至周六 9:00-17:00" },
      });
      // The same again changes nothing and records nothing.
      const again = await call(patchRoute, { method: "PATCH", token: token.jiashan, id, body: { hours: "周一至周六 9:00-17:00" } });
      expect(again.status).toBe(200);
      expect((await eventsOf(id)).map((e) => e.type)).toEqual(["station.created", "station.updated"]);
    });

    it("refuses an admin of another district with 403 and leaves the station as it was", async () => {
      const id = await aStation();
      const [before] = await db.select().from(stations).where(eq(stations.id, id));
      expect((await call(patchRoute, { method: "PATCH", token: token.qingpu, id, body: { name: "改名" } })).status).toBe(403);
      expect((await call(patchRoute, { method: "PATCH", token: token.qingpu, id, body: { closed: true } })).status).toBe(403);
      // Moving it into their own district does not make it theirs.
      expect((await call(patchRoute, { method: "PATCH", token: token.qingpu, id, body: { regionCode: "310118102" } })).status).toBe(403);
      expect((await db.select().from(stations).where(eq(stations.id, id)))[0]).toEqual(before);
      expect((await eventsOf(id)).map((e) => e.type)).toEqual(["station.created"]);
      // The station stays readable to everyone.
      expect((await call(oneRoute, { method: "GET", id })).body).toMatchObject({ id, name: luoxing.name });
    });

    it("needs the old and the new district: a district admin cannot move a station out; an unscoped admin can", async () => {
      const id = await aStation();
      expect((await call(patchRoute, { method: "PATCH", token: token.jiashan, id, body: { regionCode: "310118102" } })).status).toBe(403);
      expect((await call(patchRoute, { method: "PATCH", token: token.jiashan, id, body: { regionCode: "330421102" } })).status).toBe(200);
      const moved = await call(patchRoute, { method: "PATCH", token: token.zone, id, body: { regionCode: "310118102" } });
      expect(moved.body).toMatchObject({ regionCode: "310118102" });
      expect((await call(patchRoute, { method: "PATCH", token: token.jiashan, id, body: { name: "改名" } })).status).toBe(403);
      expect((await call(patchRoute, { method: "PATCH", token: token.qingpu, id, body: { name: "朱家角镇法律服务站" } })).status).toBe(200);
    });

    it("answers 404 for no such station, 422 for bad values", async () => {
      expect((await call(patchRoute, { method: "PATCH", token: token.zone, id: crypto.randomUUID(), body: { name: "x" } })).status).toBe(404);
      expect((await call(patchRoute, { method: "PATCH", token: token.zone, id: "not-an-id", body: { name: "x" } })).status).toBe(404);
      expect((await call(oneRoute, { method: "GET", id: "not-an-id" })).status).toBe(404);
      const id = await aStation();
      const bad = await call(patchRoute, { method: "PATCH", token: token.zone, id, body: { name: "", closed: "yes", regionCode: "310101" } });
      expect(bad.status).toBe(422);
      expect(Object.keys((bad.body.error as { fields: Json }).fields).sort()).toEqual(["closed", "name"]);
      const outside = await call(patchRoute, { method: "PATCH", token: token.zone, id, body: { regionCode: "310101" } });
      expect(outside.status).toBe(422);
      expect((outside.body.error as { fields: Json }).fields).toHaveProperty("regionCode");
    });

    it("closes and reopens, once each, with their events", async () => {
      const id = await aStation();
      const closed = await call(patchRoute, { method: "PATCH", token: token.jiashan, id, body: { closed: true } });
      expect(closed.body).toMatchObject({ closed: true, closedAt: expect.any(String) });
      await call(patchRoute, { method: "PATCH", token: token.jiashan, id, body: { closed: true } });
      const reopened = await call(patchRoute, { method: "PATCH", token: token.jiashan, id, body: { closed: false } });
      expect(reopened.body).toMatchObject({ closed: false, closedAt: null });
      expect((await eventsOf(id)).map((e) => e.type)).toEqual(["station.created", "station.closed", "station.reopened"]);
    });
  });

  describe("the public list", () => {
    it("answers anyone with the contract's fields, by district of the zone and then name, closed ones flagged", async () => {
      const wujiang = await aStation({ name: "松陵街道法律服务站", regionCode: "320509001" });
      const qingpu = await aStation({ name: "夏阳街道法律服务站", regionCode: "310118001" });
      const dayun = await aStation({ name: "大云镇法律服务站", regionCode: "330421102" });
      await call(patchRoute, { method: "PATCH", token: token.zone, id: dayun, body: { closed: true } });
      const list = await call(listRoute, { method: "GET" });
      expect(list.status).toBe(200);
      const items = list.body.items as Json[];
      for (const item of items)
        expect(Object.keys(item).sort()).toEqual(["address", "closed", "closedAt", "hours", "id", "name", "phone", "regionCode"]);
      const counties = items.map((i) => (i.regionCode as string).slice(0, 6));
      expect(counties).toEqual([...counties].sort((a, b) => ["330421", "310118", "320509"].indexOf(a) - ["330421", "310118", "320509"].indexOf(b)));
      const ids = items.map((i) => i.id);
      expect(ids.indexOf(dayun)).toBeLessThan(ids.indexOf(qingpu));
      expect(ids.indexOf(qingpu)).toBeLessThan(ids.indexOf(wujiang));
      expect(items.find((i) => i.id === dayun)).toMatchObject({ closed: true });

      const inQingpu = await call(listRoute, { method: "GET", query: "?region=310118" });
      expect((inQingpu.body.items as Json[]).every((i) => (i.regionCode as string).startsWith("310118"))).toBe(true);
      expect((inQingpu.body.items as Json[]).map((i) => i.id)).toContain(qingpu);
      expect((await call(listRoute, { method: "GET", query: "?region=abc" })).status).toBe(422);
    });
  });

  describe("a closed station", () => {
    const walkIn = {
      title: "货款未付",
      category: "debt_collection",
      description: "对方拖欠货款。",
      regionCode: "330421002",
      amountAtStakeFen: 0,
      enterprise: { name: "嘉善某纺织有限公司", contactName: "张经理", contactPhone: "13900000000" },
    };
    const file = (stationToken: string) =>
      fileRoute(
        new Request("http://localhost/api/v1/requests", {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${stationToken}` },
          body: JSON.stringify(walkIn),
        }),
        { params: Promise.resolve({}) },
      );

    it("takes no new filings (409, a clear message, nothing written) until it is reopened", async () => {
      const staff = await createStationActor("330421002");
      const staffToken = await bearerFor(staff);
      await call(patchRoute, { method: "PATCH", token: token.jiashan, id: staff.stationId!, body: { closed: true } });

      const before = [await countOf("requests"), await countOf("enterprises"), await countOf("events")];
      const refused = await file(staffToken);
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
        "本服务站已关闭，不能再提交新的诉求。如需帮助，请联系所在区县法学会。",
      );
      expect([await countOf("requests"), await countOf("enterprises"), await countOf("events")]).toEqual(before);

      await call(patchRoute, { method: "PATCH", token: token.jiashan, id: staff.stationId!, body: { closed: false } });
      expect((await file(staffToken)).status).toBe(201);
    });

    it("refuses a filing that began while the close was being written (PostgreSQL)", async (context) => {
      const staff = await createStationActor("330421002");
      const other = await openSecondConnection();
      if (!other) return context.skip("PGlite has one connection");
      const before = await countOf("requests");
      try {
        let filing: Promise<unknown> | undefined;
        await other.begin(async (tx) => {
          await tx`update stations set closed_at = now() where id = ${staff.stationId}`;
          filing = fileRequest(staff, requestInput({ enterprise: walkIn.enterprise })).catch((error: unknown) => error);
          // The filing waits on the station's row until the close commits.
          for (let waiting = 0; waiting === 0; ) {
            const [row] = await tx`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
            waiting = (row as { n: number }).n;
          }
        });
        expect(await filing).toMatchObject({ code: "conflict", messageKey: "stations.errors.closed" });
        expect(await countOf("requests")).toBe(before);
      } finally {
        await other.end();
      }
    });
  });
});
