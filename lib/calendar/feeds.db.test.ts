import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { database, db } from "@/db";
import { calendarFeeds, companyVisits, deadlines, dutySessions, enterprises, events, requests, stations, users } from "@/db/schema";
import { GET as getFeed } from "@/app/api/v1/calendar/[token]/route";
import { GET as getMine, POST as resetMine } from "@/app/api/v1/me/calendar/route";
import { GET as getPublic } from "@/app/api/v1/stations/[id]/calendar.ics/route";
import type { Actor } from "@/lib/authz";
import { setClock } from "@/lib/clock";
import { siteUrl } from "@/lib/env";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor, createStationActor } from "@/test/fixtures";
import { fileAs } from "@/test/request-fixtures";
import { planOf, statementsDuring } from "@/test/statement-count";
import { getMyCalendarFeed } from "./feeds";

useTestDatabase();
afterEach(() => setClock(null));

let admin: Actor;
let enterprise: Actor;

beforeAll(async () => {
  admin = await createAdminActor();
  enterprise = await createEnterpriseActor();
});

async function call(handler: typeof getMine, as: Actor | null, method = "GET") {
  const headers: Record<string, string> = as ? { authorization: `Bearer ${await bearerFor(as)}` } : {};
  const response = await handler(new Request("http://localhost/api/v1/me/calendar", { method, headers }), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as { url?: string } };
}

/** Fetches a feed the way a calendar app does: no cookie, no token, just the URL. */
async function fetchFeed(file: string) {
  const response = await getFeed(new Request(`http://localhost/api/v1/calendar/${encodeURIComponent(file)}`), {
    params: Promise.resolve({ token: file }),
  });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    cache: response.headers.get("cache-control"),
    text: await response.text(),
  };
}
const fileOf = (url: string) => url.split("/").pop()!;
/** The unfolded lines of a calendar (RFC 5545 3.1). */
const unfolded = (ics: string) => ics.replace(/\r\n[ \t]/g, "").split("\r\n");
const summaries = (ics: string) =>
  unfolded(ics)
    .filter((l) => l.startsWith("SUMMARY:"))
    .map((l) => l.slice("SUMMARY:".length));

async function session(values: {
  stationId: string;
  expertId: string;
  date: string;
  period: "am" | "pm" | "day";
  status?: string;
  slots?: number;
  booked?: number;
}) {
  const [row] = await db
    .insert(dutySessions)
    .values({ slots: 6, booked: 0, ...values, status: (values.status ?? "confirmed") as "confirmed", plannedBy: admin.userId })
    .returning({ id: dutySessions.id });
  return row!.id;
}

describe("one's private feed URL", () => {
  it("is made on the first call, absolute, with a 32-byte base64url token, and the same on every later call", async () => {
    const expert = await createExpertActor();
    const first = await call(getMine, expert);
    expect(first.status).toBe(200);
    expect(first.body.url).toMatch(new RegExp(`^${siteUrl().replace(/[.:/]/g, "\\$&")}/api/v1/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect((await call(getMine, expert)).body.url).toBe(first.body.url);
    expect(await db.$count(calendarFeeds, eq(calendarFeeds.userId, expert.userId))).toBe(1);
  });

  it("comes out as one feed however many first calls race", async () => {
    const expert = await createExpertActor();
    const urls = await Promise.all(Array.from({ length: 6 }, () => getMyCalendarFeed(expert)));
    expect(new Set(urls.map((u) => u.url)).size).toBe(1);
    expect(await db.$count(calendarFeeds, eq(calendarFeeds.userId, expert.userId))).toBe(1);
  });

  it("is shared by a station's staff, each station its own; companies and admins have none", async () => {
    const staff = await createStationActor();
    const [colleagueRow] = await db
      .insert(users)
      .values({ email: `colleague-${Date.now()}@test.example`, passwordHash: "x", role: "station", name: "同事", stationId: staff.stationId })
      .returning({ id: users.id });
    const colleague: Actor = { ...staff, userId: colleagueRow!.id };
    const other = await createStationActor();
    const mine = await getMyCalendarFeed(staff);
    expect((await getMyCalendarFeed(colleague)).url).toBe(mine.url);
    expect((await getMyCalendarFeed(other)).url).not.toBe(mine.url);
    expect((await call(getMine, enterprise)).status).toBe(403);
    expect((await call(getMine, admin)).status).toBe(403);
    expect((await call(getMine, null)).status).toBe(401);
  });

  it("is reset with POST: the new URL works, the old one answers 404 at once, and the reset is on the audit trail", async () => {
    const expert = await createExpertActor();
    const old = (await call(getMine, expert)).body.url!;
    expect((await fetchFeed(fileOf(old))).status).toBe(200);
    const reset = await call(resetMine, expert, "POST");
    expect(reset.status).toBe(200);
    expect(reset.body.url).not.toBe(old);
    expect((await fetchFeed(fileOf(old))).status).toBe(404);
    expect((await fetchFeed(fileOf(reset.body.url!))).status).toBe(200);
    expect((await call(getMine, expert)).body.url).toBe(reset.body.url);
    expect(await db.$count(events, and(eq(events.type, "calendar.feed_reset"), eq(events.entityId, expert.userId)))).toBe(1);
    // A reset before any feed existed makes one.
    const fresh = await createExpertActor();
    const made = await call(resetMine, fresh, "POST");
    expect(made.status).toBe(200);
    expect((await call(getMine, fresh)).body.url).toBe(made.body.url);
  });
});

describe("GET /api/v1/calendar/{token}.ics", () => {
  it("answers 404, never 500, for anything that is not a live token", async () => {
    const expert = await createExpertActor();
    const token = fileOf((await getMyCalendarFeed(expert)).url).slice(0, -4);
    const junk = [
      "",
      "x",
      ".ics",
      token, // without .ics
      `${token}.ICS`,
      `${token}.ics.ics`,
      `${"A".repeat(43)}.ics`, // the right shape, no such feed
      `${token.slice(1)}.ics`,
      "' or 1=1 --.ics",
      "日历日历日历.ics",
      `${"%".repeat(43)}.ics`,
      `${"a".repeat(5000)}.ics`,
    ];
    for (const file of junk) expect((await fetchFeed(file)).status, file).toBe(404);
    expect((await fetchFeed(`${token}.ics`)).status).toBe(200);
  });

  it("is an expert's live duty sessions, visits and open deadlines, in China time, private and uncached", async () => {
    setClock(new Date("2026-03-02T09:00:00+08:00"));
    const expert = await createExpertActor({ name: "钱律师" });
    const other = await createExpertActor();
    const station = await createStationActor();
    await db.update(users).set({ locale: "zh-CN" }).where(eq(users.id, expert.userId));
    const base = { stationId: station.stationId!, expertId: expert.expertId! };
    const am = await session({ ...base, date: "2026-03-05", period: "am", status: "confirmed" });
    const pm = await session({ ...base, date: "2026-03-06", period: "pm", status: "planned" });
    const day = await session({ ...base, date: "2026-02-20", period: "day", status: "held" });
    const declined = await session({ ...base, date: "2026-03-09", period: "am", status: "declined" });
    const cancelled = await session({ ...base, date: "2026-03-10", period: "am", status: "cancelled" });
    const someoneElse = await session({ ...base, expertId: other.expertId!, date: "2026-03-05", period: "pm" });
    const [visit] = await db
      .insert(companyVisits)
      .values({
        enterpriseId: enterprise.enterpriseId!,
        expertId: expert.expertId!,
        plannedBy: admin.userId,
        visitOn: "2026-03-12",
        purpose: "法治体检, 合同; 用工",
      })
      .returning({ id: companyVisits.id });
    const [cancelledVisit] = await db
      .insert(companyVisits)
      .values({
        enterpriseId: enterprise.enterpriseId!,
        expertId: expert.expertId!,
        plannedBy: admin.userId,
        visitOn: "2026-03-13",
        purpose: "取消的走访",
        status: "cancelled",
      })
      .returning({ id: companyVisits.id });
    const requestId = await fileAs(enterprise);
    const [{ caseNumber }] = (await db.select({ caseNumber: requests.caseNumber }).from(requests).where(eq(requests.id, requestId))) as [
      { caseNumber: string },
    ];
    const owed = {
      requestId,
      owedByRole: "expert" as const,
      owedByExpertId: expert.expertId!,
      regionCode: "330421",
      startedAt: new Date("2026-03-01T09:00:00+08:00"),
    };
    await db.insert(deadlines).values([
      { ...owed, kind: "contact", dueAt: new Date("2026-03-03T17:30:00+08:00") },
      { ...owed, kind: "resolution", dueAt: new Date("2026-04-30T17:30:00+08:00"), doneAt: new Date() },
      { ...owed, kind: "triage", owedByRole: "admin", owedByExpertId: null, dueAt: new Date("2026-03-02T17:30:00+08:00") },
    ]);

    const feed = await fetchFeed(fileOf((await getMyCalendarFeed(expert)).url));
    expect(feed.status).toBe(200);
    expect(feed.type).toBe("text/calendar; charset=utf-8");
    expect(feed.cache).toBe("private, no-store");
    const lines = unfolded(feed.text);
    expect(lines).toContain("X-WR-CALNAME:钱律师 · 坐诊、巡诊与办案期限");
    for (const id of [am, pm, day]) expect(lines).toContain(`UID:duty-session-${id}@legal-counsel-roster`);
    for (const id of [declined, cancelled, someoneElse]) expect(feed.text).not.toContain(id);
    expect(lines).toContain(`UID:company-visit-${visit!.id}@legal-counsel-roster`);
    expect(feed.text).not.toContain(cancelledVisit!.id);
    // The periods' hours, China time; a whole day runs from the morning's start to the afternoon's end.
    expect(feed.text).toContain("DTSTART;TZID=Asia/Shanghai:20260305T083000\r\nDTEND;TZID=Asia/Shanghai:20260305T120000");
    expect(feed.text).toContain("DTSTART;TZID=Asia/Shanghai:20260306T133000\r\nDTEND;TZID=Asia/Shanghai:20260306T170000");
    expect(feed.text).toContain("DTSTART;TZID=Asia/Shanghai:20260220T083000\r\nDTEND;TZID=Asia/Shanghai:20260220T170000");
    // The visit is a whole day; its text escaped.
    expect(feed.text).toContain("DTSTART;VALUE=DATE:20260312\r\nDTEND;VALUE=DATE:20260313");
    expect(lines).toContain("DESCRIPTION:事由：法治体检\\, 合同\\; 用工");
    // Awaiting the expert (planned) and the company (proposed): tentative.
    expect(summaries(feed.text)).toEqual(
      expect.arrayContaining([
        `坐诊 · ${await stationName(station)}`,
        `坐诊 · ${await stationName(station)}（待确认）`,
        `巡诊 · ${await companyName()}（待企业确认）`,
      ]),
    );
    // The open deadline the expert owes, at its moment (in UTC), with the case number; not the done one, not the admins'.
    expect(summaries(feed.text)).toContain(`期限 · 首次联系企业 · ${caseNumber}`);
    expect(feed.text).toContain("DTSTART:20260303T093000Z");
    expect(summaries(feed.text).filter((s) => s.startsWith("期限"))).toHaveLength(1);
    expect(lines).toContain(`URL:${siteUrl()}/requests/${requestId}`);
    expect(feed.text.match(/BEGIN:VEVENT/g)).toHaveLength(5);
    for (const line of feed.text.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it("reads an expert's open deadlines through their own index, not every open deadline of the zone", async () => {
    const expert = await createExpertActor();
    const { body } = await call(getMine, expert);
    const { statements, parameters } = await statementsDuring(database(), () => fetchFeed(fileOf(body.url!)));
    const reads = statements.flatMap((text, i) => (text.includes('from "deadlines"') ? [{ text, params: parameters[i]! }] : []));
    expect(reads).toHaveLength(1);
    const plan = await planOf(reads[0]!.text, reads[0]!.params, { withoutSeqScans: true });
    expect(plan).toMatch(/Scan (using|on) deadlines_expert_open_idx /);
  });

  it("speaks the expert's language, and stops for a disabled account", async () => {
    const expert = await createExpertActor({ name: "Qian" });
    await db.update(users).set({ locale: "en" }).where(eq(users.id, expert.userId));
    const station = await createStationActor();
    await session({ stationId: station.stationId!, expertId: expert.expertId!, date: "2026-12-20", period: "am", status: "planned" });
    setClock(new Date("2026-12-02T09:00:00+08:00"));
    const file = fileOf((await getMyCalendarFeed(expert)).url);
    const feed = await fetchFeed(file);
    expect(unfolded(feed.text)).toContain("X-WR-CALNAME:Qian: duty days\\, visits and case deadlines");
    expect(summaries(feed.text)).toEqual([`Duty day · ${await stationName(station)} (to be confirmed)`]);
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, expert.userId));
    expect((await fetchFeed(file)).status).toBe(404);
  });

  it("is a station's sessions with their bookings, for its staff", async () => {
    setClock(new Date("2026-03-02T09:00:00+08:00"));
    const staff = await createStationActor();
    const expert = await createExpertActor({ name: "孙律师" });
    await session({ stationId: staff.stationId!, expertId: expert.expertId!, date: "2026-03-05", period: "pm", slots: 6, booked: 2 });
    await session({ stationId: staff.stationId!, expertId: expert.expertId!, date: "2026-03-06", period: "am", status: "cancelled" });
    const elsewhere = await createStationActor();
    await session({ stationId: elsewhere.stationId!, expertId: expert.expertId!, date: "2026-03-07", period: "am" });
    const feed = await fetchFeed(fileOf((await getMyCalendarFeed(staff)).url));
    expect(feed.status).toBe(200);
    expect(feed.cache).toBe("private, no-store");
    expect(unfolded(feed.text)).toContain(`X-WR-CALNAME:${await stationName(staff)} · 坐诊安排`);
    expect(summaries(feed.text)).toEqual(["坐诊 · 孙律师（已约 2/6）"]);
  });
});

describe("a station's public feed", () => {
  async function publicFeed(id: string, query = "") {
    const response = await getPublic(new Request(`http://localhost/api/v1/stations/${id}/calendar.ics${query}`), { params: Promise.resolve({ id }) });
    return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
  }

  it("shows only coming sessions, with the expert, the period and the free slots, and nothing of the bookings", async () => {
    setClock(new Date("2026-03-05T09:00:00+08:00"));
    const station = await createStationActor();
    const expert = await createExpertActor({ name: "李律师" });
    const base = { stationId: station.stationId!, expertId: expert.expertId! };
    await session({ ...base, date: "2026-03-05", period: "pm", slots: 6, booked: 2 });
    await session({ ...base, date: "2026-03-06", period: "am", slots: 1, booked: 1 });
    await session({ ...base, date: "2026-03-09", period: "day", status: "planned", slots: 4 });
    await session({ ...base, date: "2026-03-04", period: "am" }); // yesterday
    await session({ ...base, date: "2026-03-10", period: "am", status: "declined" });
    await session({ ...base, date: "2026-03-11", period: "am", status: "cancelled" });
    const feed = await publicFeed(station.stationId!);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe("text/calendar; charset=utf-8");
    expect(summaries(feed.text)).toEqual(["专家坐诊 · 李律师（余 4 个名额）", "专家坐诊 · 李律师（已约满）", "专家坐诊 · 李律师（余 4 个名额）"]);
    expect(feed.text).not.toContain("已约 2");
    const english = await publicFeed(station.stationId!, "?lang=en");
    expect(summaries(english.text)[0]).toBe("Expert on duty · 李律师 (4 slots free)");
  });

  it("answers 404 for an unknown station and 422 for an unknown language", async () => {
    expect((await publicFeed("00000000-0000-0000-0000-000000000000")).status).toBe(404);
    expect((await publicFeed("not-a-station")).status).toBe(404);
    const station = await createStationActor();
    expect((await publicFeed(station.stationId!, "?lang=fr")).status).toBe(422);
  });
});

async function stationName(staff: Actor) {
  const [row] = await db.select({ name: stations.name }).from(stations).where(eq(stations.id, staff.stationId!));
  return row!.name;
}

async function companyName() {
  const [row] = await db.select({ name: enterprises.name }).from(enterprises).where(eq(enterprises.id, enterprise.enterpriseId!));
  return row!.name;
}
