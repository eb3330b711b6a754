import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/requests/route";
import { GET as detailRoute } from "@/app/api/v1/requests/[id]/route";
import { db, rowsOf } from "@/db";
import { notifications, requests } from "@/db/schema";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createEnterpriseActor, createStationActor } from "@/test/fixtures";
import { requestInput } from "@/test/request-fixtures";
import { fileRequest } from "./file-request";
import { listRequestsForActor } from "./queries";

/**
 * 受理编号: unique, one sequence per district and year, found by the lists' `q`. A filing draws its
 * number just before its transaction (draw_case_number, migration 0035), so a filing that fails in
 * the transaction leaves a gap (a refused one draws none); any other insert without a number gets
 * one from the trigger requests_case_number (migration 0023), in its own transaction.
 */
useTestDatabase();

const page = { page: 1, pageSize: 50 };
const year = Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()));
const sequenceOf = (caseNumber: string) => Number(caseNumber.split("-")[2]);

describe("case numbers", () => {
  it("gives each filing the district's next number: prefix, year of filing, sequence", async () => {
    const company = await createEnterpriseActor(undefined, "320509105");
    const first = await fileRequest(company, requestInput({ regionCode: "320509105" }));
    const second = await fileRequest(company, requestInput({ regionCode: "320509105" }));
    expect(first.caseNumber).toMatch(new RegExp(`^WJ-${year}-\\d{5}$`));
    expect(sequenceOf(second.caseNumber)).toBe(sequenceOf(first.caseNumber) + 1);
    const other = await fileRequest(company, requestInput({ regionCode: "310118" }));
    expect(other.caseNumber).toMatch(new RegExp(`^QP-${year}-\\d{5}$`));
    // a replayed filing answers with the same number
    const keyed = await fileRequest(company, requestInput({ regionCode: "320509105" }), { idempotencyKey: "k-1" });
    const replay = await fileRequest(company, requestInput({ regionCode: "320509105" }), { idempotencyKey: "k-1" });
    expect(replay).toMatchObject({ id: keyed.id, caseNumber: keyed.caseNumber, replayed: true });
  });

  it("numbers rows inserted without the application (the demo world, imports) and refuses a duplicate", async () => {
    const company = await createEnterpriseActor();
    const [row] = await db
      .insert(requests)
      .values({
        title: "直接写入",
        category: "consultation",
        description: "—",
        regionCode: "330421",
        enterpriseId: company.enterpriseId!,
        filedByUserId: company.userId,
        submittedAt: new Date("2025-06-30T20:00:00Z"),
      })
      .returning({ caseNumber: requests.caseNumber });
    // filed 2025-07-01 04:00 in Shanghai: the year of filing is Shanghai's
    expect(row!.caseNumber).toMatch(/^JS-2025-\d{5}$/);
    await expect(
      db.insert(requests).values({
        caseNumber: row!.caseNumber,
        title: "重号",
        category: "consultation",
        description: "—",
        regionCode: "330421",
        enterpriseId: company.enterpriseId!,
        filedByUserId: company.userId,
      }),
    ).rejects.toThrow();
  });

  it("stays unique and gap-free under concurrent filings (really concurrent on PostgreSQL)", async () => {
    const companies = await Promise.all(Array.from({ length: 4 }, () => createEnterpriseActor(undefined, "330421103")));
    const station = await createStationActor("330421103");
    const filings = Array.from({ length: 24 }, (_, i) =>
      i % 6 === 5
        ? fileRequest(
            station,
            requestInput({ regionCode: "330421103", enterprise: { name: `来访人${i}`, contactName: "王", contactPhone: "13800000000" } }),
          )
        : fileRequest(companies[i % 4]!, requestInput({ regionCode: "330421103" })),
    );
    const filed = await Promise.all(filings);
    const numbers = filed.map((f) => f.caseNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    const sequences = numbers.map(sequenceOf).sort((a, b) => a - b);
    expect(sequences.at(-1)! - sequences[0]! + 1).toBe(numbers.length);
    const [counter] = rowsOf<{ last: number }>(await db.execute(sql`select last from case_number_counters where district = 'JS' and year = ${year}`));
    expect(counter!.last).toBe(sequences.at(-1));
  });

  it("draws no number for a filing refused by its checks; numbers are drawn before the transaction, so only a filing failing in it leaves a gap", async () => {
    const company = await createEnterpriseActor(undefined, "310118001");
    const first = await fileRequest(company, requestInput({ regionCode: "310118001" }));
    await expect(fileRequest(company, requestInput({ regionCode: "310118001", specialties: ["no_such_specialty"] }))).rejects.toThrow();
    const station = await createStationActor("310118001");
    await db.execute(sql`update stations set closed_at = now() where id = ${station.stationId}`);
    await expect(
      fileRequest(station, requestInput({ regionCode: "310118001", enterprise: { name: "来访人", contactName: "王", contactPhone: "13800000000" } })),
    ).rejects.toThrow();
    const next = await fileRequest(company, requestInput({ regionCode: "310118001" }));
    expect(sequenceOf(next.caseNumber)).toBe(sequenceOf(first.caseNumber) + 1);
    // the filing's submitted_at is the moment its number was drawn: the number's year is the filing's
    const [row] = await db.select({ submittedAt: requests.submittedAt }).from(requests).where(eq(requests.id, next.id));
    expect(next.caseNumber.split("-")[1]).toBe(
      new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(row!.submittedAt),
    );
  });

  it("the migration's backfill numbers earlier requests in order of filing, per district and year", async () => {
    const company = await createEnterpriseActor();
    const filedAt = ["2024-03-01T02:00:00Z", "2024-01-05T02:00:00Z", "2024-12-31T17:00:00Z", "2024-02-01T02:00:00Z"];
    const ids = [] as string[];
    for (const [i, at] of filedAt.entries()) {
      const [row] = await db
        .insert(requests)
        .values({
          title: `旧诉求${i}`,
          category: "consultation",
          description: "—",
          regionCode: i === 3 ? "310118" : "330421",
          enterpriseId: company.enterpriseId!,
          filedByUserId: company.userId,
          submittedAt: new Date(at),
        })
        .returning({ id: requests.id });
      ids.push(row!.id);
    }
    const migration = readFileSync(path.join(process.cwd(), "db/migrations/0023_case_numbers.sql"), "utf8");
    const backfill = migration.slice(migration.indexOf("DO $$"), migration.indexOf("--> statement-breakpoint", migration.indexOf("DO $$")));
    const rollback = new Error("rollback");
    let numbered: Record<string, string> = {};
    await db
      .transaction(async (tx) => {
        // as before the migration: no numbers and no counters
        await tx.execute(sql`drop index requests_case_number`);
        await tx.execute(sql`update requests set case_number = ''`);
        await tx.execute(sql`delete from case_number_counters`);
        await tx.execute(sql.raw(backfill));
        await tx.execute(sql`create unique index requests_case_number on requests (case_number)`);
        const rows = await tx.select({ id: requests.id, caseNumber: requests.caseNumber }).from(requests).where(inArray(requests.id, ids));
        numbered = Object.fromEntries(rows.map((r) => [r.id, r.caseNumber]));
        throw rollback;
      })
      .catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
    // 2024-12-31 17:00 UTC is 2025-01-01 in Shanghai
    expect(ids.map((id) => numbered[id])).toEqual(["JS-2024-00002", "JS-2024-00001", "JS-2025-00001", "QP-2024-00001"]);
  });

  it("answers caseNumber in the API and finds a request by its number or its title with q", async () => {
    const company = await createEnterpriseActor();
    const mine = await fileRequest(company, requestInput({ title: "仓库租金纠纷" }));
    await fileRequest(company, requestInput({ title: "货款未付" }));
    const find = async (q: string) => (await listRequestsForActor(company, { q }, page)).items.map((i) => i.id);
    expect(await find(mine.caseNumber)).toEqual([mine.id]);
    expect(await find(mine.caseNumber.toLowerCase())).toEqual([mine.id]);
    // read over the phone without the leading zeros
    const [prefix, y, seq] = mine.caseNumber.split("-");
    expect(await find(`${prefix}-${y}-${Number(seq)}`)).toEqual([mine.id]);
    expect(await find("仓库租金")).toEqual([mine.id]);
    expect(await find("%")).toEqual([]);

    const headers = { authorization: `Bearer ${await bearerFor(company)}` };
    const listed = await listRoute(new Request(`http://test/api/v1/requests?q=${encodeURIComponent(mine.caseNumber)}`, { headers }));
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { items: { id: string; caseNumber: string }[] };
    expect(body.items).toEqual([expect.objectContaining({ id: mine.id, caseNumber: mine.caseNumber })]);
    const one = await detailRoute(new Request(`http://test/api/v1/requests/${mine.id}`, { headers }), { params: Promise.resolve({ id: mine.id }) });
    expect(await one.json()).toMatchObject({ id: mine.id, caseNumber: mine.caseNumber });
  });

  it("tells the filer the request was received, with its number", async () => {
    const company = await createEnterpriseActor();
    const filed = await fileRequest(company, requestInput());
    const rows = await db.select().from(notifications).where(eq(notifications.requestId, filed.id));
    const received = rows.filter((n) => n.kind === "request.received");
    expect(received.map((n) => n.userId)).toEqual([company.userId]);
    expect(received[0]!.data).toMatchObject({ caseNumber: filed.caseNumber });
  });
});
