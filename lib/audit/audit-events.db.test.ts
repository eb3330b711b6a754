import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { and, desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportGET } from "@/app/api/v1/audit-events/export/route";
import { GET as listGET } from "@/app/api/v1/audit-events/route";
import { GET as rosterExportGET } from "@/app/api/v1/experts/export/route";
import { GET as reportExportGET } from "@/app/api/v1/reports/export/route";
import { db } from "@/db";
import { apiTokens, attachments, disputes, enterprises, events, expertApplications, messages, offers, recoveries, returnVisits } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { LIST_WINDOW } from "@/lib/list-window";
import { recordEvent, type EventInput } from "@/lib/events/record-event";
import { createAcceptedCase } from "@/test/accepted-case";
import { fileAs } from "@/test/request-fixtures";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor, createStationActor } from "@/test/fixtures";

useTestDatabase();

/** Writes one event through recordEvent and answers the district the database gave it. */
async function regionOf(event: EventInput, actor: Actor | null = null): Promise<string | null> {
  await recordEvent(db, actor, event);
  const [row] = await db.select({ regionCode: events.regionCode }).from(events).orderBy(desc(events.id)).limit(1);
  return row!.regionCode;
}

const on = (entityType: string, entityId: string) => ({ type: "test.touched", entityType, entityId });

async function get(handler: (request: Request) => Promise<Response>, path: string, token: string) {
  return handler(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } }));
}

interface ListBody {
  items: { id: number; type: string; entityType: string; entityId: string; regionCode: string | null; actorId: string | null; tokenId?: string }[];
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
}

describe("the district of every event", () => {
  it("is derived from the record the event is about, for every kind of record", async () => {
    const enterprise = await createEnterpriseActor();
    const expert = await createExpertActor({ homeRegionCode: "320509" });
    const requestId = await createAcceptedCase({ enterprise, expert, regionCode: "330421002" });
    const [dispute] = await db
      .insert(disputes)
      .values({ requestId, counterpartyName: "欠款方", kind: "receivable", claimedFen: 100n })
      .returning({ id: disputes.id });
    const [recovery] = await db
      .insert(recoveries)
      .values({ disputeId: dispute!.id, requestId, amountFen: 10n, receivedOn: "2026-01-05", method: "negotiation", recordedBy: expert.userId })
      .returning({ id: recoveries.id });
    const [offer] = await db
      .insert(offers)
      .values({ requestId, expertId: expert.expertId!, status: "accepted", expiresAt: new Date() })
      .returning({ id: offers.id });
    const [message] = await db.insert(messages).values({ requestId, authorUserId: enterprise.userId, body: "您好" }).returning({ id: messages.id });
    const [attachment] = await db
      .insert(attachments)
      .values({
        requestId,
        uploadedBy: enterprise.userId,
        filename: "a.pdf",
        mimeType: "application/pdf",
        sizeBytes: 1,
        content: new Uint8Array([1]),
      })
      .returning({ id: attachments.id });
    const [visit] = await db
      .insert(returnVisits)
      .values({ requestId, visitedOn: "2026-02-01", visitedBy: enterprise.userId, note: "满意", satisfaction: 5 })
      .returning({ id: returnVisits.id });

    // A request's region may be a town: the event's district is its county.
    expect(await regionOf(on("request", requestId))).toBe("330421");
    // Each record that hangs on a request, found by its own id (no requestId given).
    for (const [kind, id] of [
      ["dispute", dispute!.id],
      ["recovery", recovery!.id],
      ["offer", offer!.id],
      ["message", message!.id],
      ["attachment", attachment!.id],
      ["return_visit", visit!.id],
    ] as const) {
      expect(await regionOf(on(kind, id)), kind).toBe("330421");
    }
    // Anything written with the request's id belongs to the request's district.
    expect(await regionOf({ type: "test.touched", entityType: "something_new", entityId: "x", requestId })).toBe("330421");

    // The roster: an expert and their application belong to the expert's home district.
    expect(await regionOf(on("expert", expert.expertId!))).toBe("320509");
    const [application] = await db
      .insert(expertApplications)
      .values({ expertId: expert.expertId!, details: {} })
      .returning({ id: expertApplications.id });
    expect(await regionOf(on("application", application!.id))).toBe("320509");

    // Stations, companies and accounts.
    const staff = await createStationActor("310118");
    expect(await regionOf(on("station", staff.stationId!))).toBe("310118");
    expect(await regionOf(on("user", staff.userId))).toBe("310118");
    expect(await regionOf(on("enterprise", enterprise.enterpriseId!))).toBe("330421");
    expect(await regionOf(on("user", enterprise.userId))).toBe("330421");
    expect(await regionOf(on("user", expert.userId))).toBe("320509");
    const districtAdmin = await createAdminActor("310118");
    expect(await regionOf(on("user", districtAdmin.userId))).toBe("310118");
    const zoneAdmin = await createAdminActor();
    expect(await regionOf(on("user", zoneAdmin.userId))).toBeNull();

    // A token belongs to its account's district.
    const [token] = await db
      .insert(apiTokens)
      .values({ name: "t", tokenHash: `hash-${Date.now()}`, prefix: "p", userId: districtAdmin.userId, createdBy: districtAdmin.userId })
      .returning({ id: apiTokens.id });
    expect(await regionOf(on("api_token", token!.id))).toBe("310118");

    // Zone-wide: settings, a company without a region, a record that is not there, an id that is no uuid.
    expect(await regionOf(on("settings", "routing"))).toBeNull();
    const [walkIn] = await db
      .insert(enterprises)
      .values({ name: "来访者", nameNormalized: "来访者", contactName: "王" })
      .returning({ id: enterprises.id });
    expect(await regionOf(on("enterprise", walkIn!.id))).toBeNull();
    expect(await regionOf(on("expert", "00000000-0000-4000-8000-000000000000"))).toBeNull();
    expect(await regionOf(on("expert", "not-a-uuid"))).toBeNull();

    // A writer that names the district is taken at its word (cut to the county).
    expect(await regionOf({ ...on("export", "audit"), regionCode: "310118102" })).toBe("310118");
    expect(await regionOf({ ...on("request", requestId), regionCode: "320509" })).toBe("320509");
  });

  it("is filled on the events the use cases write, which name no district", async () => {
    const enterprise = await createEnterpriseActor("青浦某公司", "310118");
    const requestId = await fileAs(enterprise, { regionCode: "310118" });
    const [filed] = await db
      .select({ regionCode: events.regionCode })
      .from(events)
      .where(and(eq(events.requestId, requestId), eq(events.type, "request.submitted")));
    expect(filed).toEqual({ regionCode: "310118" });
  });
});

describe("the backfill of migration 0022", () => {
  it("gives the events written before it their district", async () => {
    const expert = await createExpertActor({ homeRegionCode: "320509" });
    await recordEvent(db, null, on("expert", expert.expertId!));
    await recordEvent(db, null, on("settings", "routing"));
    // As they were before the trigger: no district (the trigger fills only on insert).
    await db.update(events).set({ regionCode: null }).where(eq(events.type, "test.touched"));
    const statements = readFileSync(path.join(process.cwd(), "db/migrations/0022_audit_trail.sql"), "utf8").split("--> statement-breakpoint");
    await db.execute(sql.raw(statements.at(-1)!));
    const rows = await db
      .select({ entityType: events.entityType, regionCode: events.regionCode })
      .from(events)
      .where(eq(events.type, "test.touched"));
    expect(rows.filter((r) => r.entityType === "settings").map((r) => r.regionCode)).toEqual(expect.arrayContaining([null]));
    const [latest] = await db
      .select({ regionCode: events.regionCode })
      .from(events)
      .where(and(eq(events.type, "test.touched"), eq(events.entityId, expert.expertId!)));
    expect(latest).toEqual({ regionCode: "320509" });
  });
});

describe("GET /api/v1/audit-events", () => {
  let zoneAdmin: Actor;
  let jiashanAdmin: Actor;
  let qingpuAdmin: Actor;
  let tokens: { zone: string; jiashan: string; qingpu: string };
  let jiashanExpert: Actor;
  let qingpuExpert: Actor;

  beforeAll(async () => {
    zoneAdmin = await createAdminActor();
    jiashanAdmin = await createAdminActor("330421");
    qingpuAdmin = await createAdminActor("310118");
    tokens = { zone: await bearerFor(zoneAdmin), jiashan: await bearerFor(jiashanAdmin), qingpu: await bearerFor(qingpuAdmin) };
    jiashanExpert = await createExpertActor({ homeRegionCode: "330421" });
    qingpuExpert = await createExpertActor({ homeRegionCode: "310118" });
    await recordEvent(db, jiashanAdmin, { type: "expert.suspended", entityType: "expert", entityId: jiashanExpert.expertId!, reason: "核查中" });
    await recordEvent(db, qingpuAdmin, { type: "expert.suspended", entityType: "expert", entityId: qingpuExpert.expertId!, reason: "核查中" });
    await recordEvent(db, zoneAdmin, { type: "settings.changed", entityType: "settings", entityId: "routing", data: { after: 1 } });
  });

  async function list(token: string, query = "") {
    const response = await get(listGET, `/api/v1/audit-events${query}`, token);
    expect(response.status).toBe(200);
    return (await response.json()) as ListBody;
  }

  it("shows a district admin only its district's events, and an unscoped admin all of them", async () => {
    const qingpu = await list(tokens.qingpu, "?type=expert.suspended");
    expect(qingpu.items.map((e) => e.entityId)).toEqual([qingpuExpert.expertId]);
    expect((await list(tokens.qingpu, "?entityType=settings")).total).toBe(0);
    const jiashan = await list(tokens.jiashan, "?pageSize=100");
    expect(jiashan.items.every((e) => e.regionCode === "330421")).toBe(true);
    expect(jiashan.items.map((e) => e.entityId)).toContain(jiashanExpert.expertId);
    expect(jiashan.items.map((e) => e.entityId)).not.toContain(qingpuExpert.expertId);

    const all = await list(tokens.zone, "?pageSize=100");
    expect(all.items.map((e) => e.entityId)).toEqual(expect.arrayContaining([jiashanExpert.expertId, qingpuExpert.expertId, "routing"]));
    expect(all.total).toBeGreaterThan(jiashan.total);
  });

  it("filters by actor, record, type and Shanghai dates, newest first, in pages", async () => {
    const byActor = await list(tokens.zone, `?actorId=${qingpuAdmin.userId}`);
    expect(byActor.items.map((e) => e.type)).toEqual(["expert.suspended"]);
    const byName = await list(tokens.zone, `?actor=${encodeURIComponent(qingpuAdmin.email.toUpperCase())}`);
    expect(byName.items.map((e) => e.actorId)).toEqual([qingpuAdmin.userId]);
    const byRecord = await list(tokens.zone, `?entityType=expert&entityId=${jiashanExpert.expertId}`);
    expect(byRecord.items.map((e) => e.type)).toEqual(["expert.suspended"]);

    const [old] = await db
      .insert(events)
      .values({
        type: "expert.renewed",
        entityType: "expert",
        entityId: jiashanExpert.expertId!,
        actorRole: "admin",
        at: new Date("2026-03-01T23:30:00+08:00"),
      })
      .returning({ id: events.id });
    const onTheDay = await list(tokens.zone, `?from=2026-03-01&to=2026-03-01`);
    expect(onTheDay.items.map((e) => e.id)).toEqual([old!.id]);
    expect((await list(tokens.zone, `?from=2026-03-02&to=2026-03-02`)).total).toBe(0);
    expect((await list(tokens.jiashan, `?type=expert.renewed`)).items.map((e) => e.id)).toEqual([old!.id]);

    const paged = await list(tokens.zone, "?page=2&pageSize=1");
    expect(paged).toMatchObject({ page: 2, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
    const firstTwo = await list(tokens.zone, "?pageSize=2");
    expect(paged.items[0]!.id).toBe(firstTwo.items[1]!.id);
  });

  it("counts and pages the newest LIST_WINDOW events that match, and says when more match", async () => {
    const few = await list(tokens.zone, "?type=expert.suspended");
    expect({ total: few.total, totalExact: few.totalExact }).toEqual({ total: 2, totalExact: true });
    // one more than the window, a minute apart from the first minute of 2025 on, on an expert of Jiashan
    const expertId = jiashanExpert.expertId!;
    await db.execute(sql`insert into events (type, entity_type, entity_id, actor_role, at)
      select 'test.many', 'expert', ${expertId}, 'admin', timestamptz '2025-01-01 00:00+08' + g * interval '1 minute'
      from generate_series(1, ${LIST_WINDOW + 1}) g`);
    const many = await list(tokens.jiashan, "?type=test.many&pageSize=100");
    expect({ total: many.total, totalExact: many.totalExact }).toEqual({ total: LIST_WINDOW, totalExact: false });
    // narrowed to the first day: counted exactly
    const firstDay = await list(tokens.jiashan, "?type=test.many&from=2025-01-01&to=2025-01-01&pageSize=100");
    expect({ total: firstDay.total, totalExact: firstDay.totalExact }).toEqual({ total: 1439, totalExact: true });
    expect((await list(tokens.qingpu, "?type=test.many")).total).toBe(0);
    // the last page of the window holds its last events; past it, nothing
    const last = await list(tokens.jiashan, `?type=test.many&pageSize=100&page=${LIST_WINDOW / 100}`);
    expect(last.items).toHaveLength(100);
    expect((await list(tokens.jiashan, `?type=test.many&pageSize=100&page=${LIST_WINDOW / 100 + 1}`)).items).toEqual([]);
    await db.delete(events).where(eq(events.type, "test.many"));
  });

  it("answers 422 for an invalid date or actor id", async () => {
    for (const query of ["?from=2026-02-30", "?to=yesterday", "?actorId=nobody"]) {
      const response = await get(listGET, `/api/v1/audit-events${query}`, tokens.zone);
      expect(response.status, query).toBe(422);
    }
  });

  it("records the token and its issuer of an event written through a token", async () => {
    const partner = await createAdminActor("330421");
    const viaToken = { ...partner, tokenId: undefined as string | undefined, tokenIssuerId: zoneAdmin.userId };
    const [token] = await db
      .insert(apiTokens)
      .values({ name: "报表系统", tokenHash: `hash-${Date.now()}-2`, prefix: "q", userId: partner.userId, createdBy: zoneAdmin.userId })
      .returning({ id: apiTokens.id });
    viaToken.tokenId = token!.id;
    await recordEvent(db, viaToken, { type: "expert.reinstated", entityType: "expert", entityId: jiashanExpert.expertId! });
    const body = await list(tokens.jiashan, "?type=expert.reinstated");
    expect(body.items[0]).toMatchObject({ tokenId: token!.id, issuerId: zoneAdmin.userId, actorId: partner.userId });
    expect((await list(tokens.jiashan, "?type=expert.suspended")).items[0]).not.toHaveProperty("tokenId");
  });
});

describe("the exports", () => {
  it("writes the audit trail as CSV with every formula-like cell defused, and records the export", async () => {
    const admin = await createAdminActor("330421");
    const token = await bearerFor(admin);
    const expert = await createExpertActor();
    await recordEvent(db, admin, {
      type: "expert.suspended",
      entityType: "expert",
      entityId: expert.expertId!,
      reason: '=HYPERLINK("http://evil.example","点我")',
      data: { note: "+1+1", amount: "-1234.56" },
    });
    const response = await get(exportGET, `/api/v1/audit-events/export?format=csv&entityId=${expert.expertId}`, token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("x-total-count")).toBe("1");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = new TextDecoder().decode(bytes).split("\r\n");
    expect(header).toContain("事件");
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(row).toContain("暂停");
    expect(row).not.toMatch(/(^|,)=/);

    const [exported] = await db
      .select({ regionCode: events.regionCode, data: events.data, actorUserId: events.actorUserId, tokenId: events.tokenId })
      .from(events)
      .where(and(eq(events.type, "audit.exported"), eq(events.actorUserId, admin.userId)));
    expect(exported).toMatchObject({ regionCode: "330421", data: { format: "csv", entityId: expert.expertId, rows: 1, total: 1 } });
    expect(exported!.tokenId).not.toBeNull();
  });

  it("writes Excel with the same rows and says how many matched", async () => {
    const token = await bearerFor(await createAdminActor());
    const expert = await createExpertActor();
    await recordEvent(db, null, {
      type: "expert.appointmentEnded",
      entityType: "expert",
      entityId: expert.expertId!,
      data: { termEnd: "2026-01-01" },
    });
    const response = await get(exportGET, `/api/v1/audit-events/export?format=xlsx&entityId=${expert.expertId}`, token);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(String(sheet.getRow(2).getCell(2).value)).toBe("聘期届满");
    expect(String(sheet.getRow(2).getCell(4).value)).toBe("系统");
    expect(workbook.worksheets[1]!.getRow(2).getCell(2).value).toBe("导出 1 条，共 1 条符合条件");
  });

  it("puts the report and roster exports on the trail too", async () => {
    const admin = await createAdminActor("310118");
    const token = await bearerFor(admin);
    expect((await get(reportExportGET, "/api/v1/reports/export?groupBy=month&format=csv&from=2026-01&to=2026-03", token)).status).toBe(200);
    expect((await get(rosterExportGET, "/api/v1/experts/export?status=active", token)).status).toBe(200);
    const written = await db
      .select({ type: events.type, regionCode: events.regionCode, data: events.data })
      .from(events)
      .where(and(eq(events.entityType, "export"), eq(events.actorUserId, admin.userId)))
      .orderBy(events.id);
    expect(written).toEqual([
      { type: "report.exported", regionCode: "310118", data: { format: "csv", groupBy: "month", from: "2026-01-01", to: "2026-03-31" } },
      { type: "roster.exported", regionCode: "310118", data: { format: "xlsx", status: "active", rows: expect.any(Number) as number } },
    ]);
  });
});
