import ExcelJS from "exceljs";
import fc from "fast-check";
import Papa from "papaparse";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listDisputes, POST as postDispute } from "@/app/api/v1/requests/[id]/disputes/route";
import { POST as postRecovery } from "@/app/api/v1/disputes/[id]/recoveries/route";
import { db, rowsOf } from "@/db";
import { disputes, requestSpecialties, requests } from "@/db/schema";
import { disputeStatuses, requestCategories, type DisputeStatus, type RequestStatus } from "@/lib/enums";
import type { Actor } from "@/lib/authz";
import { createAcceptedCase } from "@/test/accepted-case";
import { createDispute } from "@/lib/disputes/create-dispute";
import { recordRecovery } from "@/lib/disputes/record-recovery";
import { reverseRecovery } from "@/lib/disputes/reverse-recovery";
import { updateDispute } from "@/lib/disputes/update-dispute";
import { AppError } from "@/lib/errors";
import { fenToYuanString, formatFen, parseYuan } from "@/lib/money";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { acceptTimesFromCounts, acceptTimesFromRequests, acceptTimesFromTable } from "./accept-times";
import { exportReport, reportCsv, reportTable } from "./export";
import { addFigures, figuresFromLedger, figuresFromRollups, groupedFigures, zeroFigures, type FigureDimension, type Figures } from "./figures";
import { requestOutcomes } from "./outcome";
import { getReport, type Report, type ReportRow } from "./get-report";
import { makePeriod } from "./period";
import { getPublicStats } from "./public-stats";
import { reportScope } from "./scope";

useTestDatabase();

const MAX_SAFE = 2n ** 53n - 1n;
const yuanOf = (cell: unknown) => {
  const parsed = parseYuan(String(cell), { allowNegative: true });
  if (!parsed.ok) throw new Error(`not an amount: ${String(cell)}`);
  return parsed.fen;
};

describe("exact money, without a database (thousands of runs)", () => {
  it("every fen amount round-trips through the yuan text of exports and the display text of pages", () => {
    fc.assert(
      fc.property(fc.bigInt(-MAX_SAFE, MAX_SAFE), (fen) => {
        expect(yuanOf(fenToYuanString(fen))).toBe(fen);
        const magnitude = fen < 0n ? -fen : fen;
        expect(yuanOf(formatFen(magnitude))).toBe(magnitude);
        expect(formatFen(fen)).toBe(fen < 0n ? `-${formatFen(magnitude)}` : formatFen(magnitude));
      }),
      { numRuns: 3000 },
    );
  });

  const figures = fc.record({
    requests: fc.nat(10_000),
    requestsResolved: fc.nat(10_000),
    disputesOpened: fc.nat(10_000),
    disputesResolved: fc.nat(10_000),
    claimedFen: fc.bigInt(0n, MAX_SAFE),
    recoveredFen: fc.bigInt(0n, MAX_SAFE),
  });
  const row = (f: Figures, key: string): ReportRow => ({
    ...f,
    key,
    label: `组${key}`,
    acceptedRequests: 0,
    medianHoursToAccept: null,
    p90HoursToAccept: null,
  });

  it("a report's CSV says every amount to the fen, including the totals row", () => {
    fc.assert(
      fc.property(fc.array(figures, { maxLength: 12 }), figures, (rows, totals) => {
        const report: Report = {
          groupBy: "region",
          from: "2026-01-01",
          to: "2026-12-31",
          source: "rollups",
          rows: rows.map((f, i) => row(f, String(i))),
          totals: row(totals, ""),
          page: 1,
          pageSize: rows.length,
          total: rows.length,
        };
        const parsed = Papa.parse<string[]>(reportCsv(report).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
        const expected = [...report.rows, report.totals];
        expect(parsed.length).toBe(expected.length + 1);
        expected.forEach((r, i) => {
          expect(yuanOf(parsed[i + 1]![5])).toBe(r.claimedFen);
          expect(yuanOf(parsed[i + 1]![6])).toBe(r.recoveredFen);
        });
        expect(reportTable(report).rows.at(-1)![6]).toBe(fenToYuanString(totals.recoveredFen));
      }),
      { numRuns: 1000 },
    );
  });

  it("any sequence of entries and reversals totals the sum of the entries never reversed (the ledger model)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.record({ add: fc.bigInt(1n, 10n ** 12n) }), fc.record({ reverse: fc.nat() })), { maxLength: 40 }), (ops) => {
        const ledger: { amount: bigint; reverses?: number }[] = [];
        const reversed = new Set<number>();
        for (const op of ops) {
          if ("add" in op) ledger.push({ amount: op.add });
          else if (ledger.length) {
            const target = op.reverse % ledger.length;
            if (ledger[target]!.reverses === undefined && !reversed.has(target)) {
              reversed.add(target);
              ledger.push({ amount: -ledger[target]!.amount, reverses: target });
            }
          }
        }
        const total = ledger.reduce((acc, e) => acc + e.amount, 0n);
        const unreversed = ledger.filter((e, i) => e.reverses === undefined && !reversed.has(i)).reduce((acc, e) => acc + e.amount, 0n);
        expect(total).toBe(unreversed);
        expect(total >= 0n).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

/*
 * Against the database (PGlite, or PostgreSQL when DATABASE_URL is set): random sequences of ledger
 * entries, reversals, dispute status changes, reassignments, region and specialty changes and new
 * acceptance times, the ledger ones through the real use cases. After every sequence the ledger,
 * the disputes' rollup column, the report rollups, the report computed from the ledger, the
 * acceptance times, the report, the exports and the public stats all agree.
 */
describe("any sequence of ledger operations keeps every total equal, to the fen", () => {
  const PERIOD = makePeriod("2025-01-01", "2026-12-31");
  const MONTHS_AND_A_YEAR = makePeriod("2025-04-01", "2026-12-31");
  /** Part-months at both ends around whole months: the rollups answer the months, the ledger the parts. */
  const PART_MONTHS = makePeriod("2025-02-14", "2026-09-10");
  // the yearly counts of hours to accept against the monthly ones summed: the rows that differ
  const yearlyCountsApart = async () =>
    rowsOf(
      await db.execute(sql`
        select coalesce(y.dimension, m.dimension) as dimension, coalesce(y.key, m.key) as key, y.requests, m.requests as summed
        from report_accept_histogram_years y full join (
          select dimension, key, date_trunc('year', month)::date as year, county, hours, sum(requests)::int as requests
          from report_accept_histogram group by 1, 2, 3, 4, 5) m
          on (m.dimension, m.key, m.year, m.county, m.hours) = (y.dimension, y.key, y.year, y.county, y.hours)
        where coalesce(y.requests, 0) <> coalesce(m.requests, 0)`),
    );
  // counties and towns: a move between two towns of 青浦区 stays in its county but leaves its town
  const regions = ["330421", "310118001", "320509", "310118002"];
  let admin: Actor, enterprise: Actor, experts: Actor[];

  beforeAll(async () => {
    admin = await createAdminActor();
    enterprise = await createEnterpriseActor();
    experts = [await createExpertActor(), await createExpertActor()];
  });

  const op = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant("record" as const),
        dispute: fc.nat(2),
        amount: fc.bigInt(1n, 10n ** 12n),
        month: fc.nat(21),
        day: fc.integer({ min: 1, max: 28 }),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("reverse" as const), target: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("status" as const), dispute: fc.nat(2), status: fc.constantFrom(...disputeStatuses) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("reassign" as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("move" as const), county: fc.nat(3) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("specialty" as const), code: fc.constantFrom("contract", "labor", "ip") }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("reaccept" as const), hours: fc.integer({ min: 1, max: 400 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("category" as const), category: fc.constantFrom(...requestCategories) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("requestStatus" as const),
        status: fc.constantFrom("in_progress", "resolved", "closed", "withdrawn", "rejected") as fc.Arbitrary<RequestStatus>,
      }),
    },
    // one statement over every dispute of the request (the triggers run once per row)
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant("allDisputes" as const), status: fc.constantFrom("resolved", "unresolved", "withdrawn", "open") }),
    },
  );
  const dimensions: FigureDimension[] = ["all", "month", "region", "specialty", "expert", "station", "channel", "status", "category", "outcome"];

  const ledgerTotal = async (where = sql`true`) =>
    BigInt(rowsOf<{ t: string }>(await db.execute(sql`select coalesce(sum(amount_fen), 0)::text as t from recoveries where ${where}`))[0]!.t);
  const disputesRollupTotal = async () =>
    BigInt(rowsOf<{ t: string }>(await db.execute(sql`select coalesce(sum(recovered_fen), 0)::text as t from disputes`))[0]!.t);
  // the grand totals the ledger writes are checked against (migration 0041), against full sums
  const grandTotals = async () =>
    rowsOf<{ which: string; kept: string; summed: string }>(
      await db.execute(sql`select which, total_fen::text as kept, case which
          when 'recovered' then (select coalesce(sum(amount_fen) filter (where amount_fen > 0), 0) from recoveries)
          else (select coalesce(sum(claimed_fen), 0) from disputes) end::text as summed
        from ledger_totals order by which`),
    );
  const asObject = (m: Map<string, Figures>) =>
    Object.fromEntries(
      [...m.entries()]
        .filter(([, f]) => f.requests || f.requestsResolved || f.disputesOpened || f.disputesResolved || f.claimedFen || f.recoveredFen)
        .sort(([a], [b]) => a.localeCompare(b)),
    );

  const ledgerClosed = (error: unknown) => {
    if (error instanceof AppError && error.messageKey === "disputes.errors.ledgerClosed") return null;
    throw error;
  };

  let runs = 0;
  it("holds for 200 random sequences", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), fc.constantFrom(...dimensions), async (ops, dimension) => {
        runs += 1;
        let expert = runs % 2;
        const requestId = await createAcceptedCase({
          enterprise,
          expert: experts[expert]!,
          status: "in_progress",
          regionCode: regions[runs % regions.length],
          channel: runs % 4 === 0 ? "hotline" : "web",
          specialties: runs % 5 === 0 ? [] : ["debt_collection", "labor"].slice(0, 1 + (runs % 2)),
        });
        const ids: string[] = [];
        for (let i = 0; i < 3; i++)
          ids.push((await createDispute(admin, requestId, { counterpartyName: `相对方${i}`, kind: "receivable", claimedFen: BigInt(i * 1000) })).id);
        const entries: { id: string; amount: bigint; isReversal: boolean; reversed: boolean }[] = [];
        for (const step of ops) {
          if (step.kind === "record") {
            const month = String((step.month % 12) + 1).padStart(2, "0");
            const receivedOn = `${2025 + Math.floor(step.month / 12)}-${month}-${String(step.day).padStart(2, "0")}`;
            // a request or dispute closed by an earlier step keeps its ledger closed (409): nothing is written
            const entry = await recordRecovery(admin, ids[step.dispute]!, {
              amountFen: step.amount,
              receivedOn,
              method: "negotiation",
              confirmOverClaim: true,
            }).catch(ledgerClosed);
            if (entry) entries.push({ id: entry.id, amount: step.amount, isReversal: false, reversed: false });
          } else if (step.kind === "reverse" && entries.length) {
            const target = entries[step.target % entries.length]!;
            const attempt = reverseRecovery(admin, target.id, "更正");
            if (target.isReversal || target.reversed) {
              await expect(attempt).rejects.toMatchObject({ code: "conflict" });
            } else {
              const reversal = await attempt.catch(ledgerClosed);
              if (reversal) {
                target.reversed = true;
                entries.push({ id: reversal.id, amount: -target.amount, isReversal: true, reversed: false });
              }
            }
          } else if (step.kind === "status") {
            await updateDispute(admin, ids[step.dispute]!, { status: step.status, resolutionMethod: undefined }).catch((error: unknown) => {
              if (!(error instanceof AppError && error.code === "conflict")) throw error;
            });
          } else if (step.kind === "reassign") {
            expert = 1 - expert;
            await db.update(requests).set({ assignedExpertId: experts[expert]!.expertId }).where(eq(requests.id, requestId));
          } else if (step.kind === "move") {
            await db.update(requests).set({ regionCode: regions[step.county]! }).where(eq(requests.id, requestId));
          } else if (step.kind === "specialty") {
            const removed = await db
              .delete(requestSpecialties)
              .where(and(eq(requestSpecialties.requestId, requestId), eq(requestSpecialties.specialtyCode, step.code)))
              .returning();
            if (!removed.length) await db.insert(requestSpecialties).values({ requestId, specialtyCode: step.code });
          } else if (step.kind === "category") {
            await db.update(requests).set({ category: step.category }).where(eq(requests.id, requestId));
          } else if (step.kind === "requestStatus") {
            const done = step.status === "resolved" || step.status === "closed";
            await db
              .update(requests)
              .set({ status: step.status, resolvedAt: done ? sql`${requests.submittedAt} + interval '3 days'` : null })
              .where(eq(requests.id, requestId));
          } else if (step.kind === "allDisputes") {
            const closes = step.status !== "open";
            await db
              .update(disputes)
              .set({ status: step.status as DisputeStatus, closedAt: closes ? sql`${disputes.openedAt} + interval '5 days'` : null })
              .where(eq(disputes.requestId, requestId));
          } else if (step.kind === "reaccept") {
            await db
              .update(requests)
              .set({ acceptedAt: sql`${requests.submittedAt} + ${`${step.hours} hours`}::interval` })
              .where(eq(requests.id, requestId));
          }
        }
        // this sequence: the model, the ledger and the disputes' rollup column
        const model = entries.reduce((acc, e) => acc + e.amount, 0n);
        expect(await ledgerTotal(sql`request_id = ${requestId}`)).toBe(model);
        const [perRequest] = await db
          .select({ t: sql<string>`coalesce(sum(${disputes.recoveredFen}), 0)::text` })
          .from(disputes)
          .where(eq(disputes.requestId, requestId));
        expect(BigInt(perRequest!.t)).toBe(model);

        // everything so far: the ledger against every report figure
        const scope = reportScope(admin);
        const total = await ledgerTotal();
        expect(await disputesRollupTotal()).toBe(total);
        const kept = await grandTotals();
        expect(kept.map((k) => k.which)).toEqual(["claimed", "recovered"]);
        for (const k of kept) expect(k.kept, k.which).toBe(k.summed);
        if (dimension === "outcome") {
          // not rolled up: the outcomes partition the requests, so their figures add up to the rolled-up totals
          const [byOutcome, all] = await Promise.all([figuresFromLedger("outcome", PERIOD, scope), figuresFromRollups("all", PERIOD, scope)]);
          expect(asObject(new Map([["", [...byOutcome.values()].reduce(addFigures, zeroFigures())]]))).toEqual(asObject(all));
          expect([...byOutcome.keys()].every((k) => (requestOutcomes as readonly string[]).includes(k))).toBe(true);
        } else {
          const [fromRollups, fromLedger] = await Promise.all([
            figuresFromRollups(dimension, PERIOD, scope),
            figuresFromLedger(dimension, PERIOD, scope),
          ]);
          expect(asObject(fromRollups)).toEqual(asObject(fromLedger));
          expect(asObject(await groupedFigures(dimension, PART_MONTHS, scope))).toEqual(
            asObject(await figuresFromLedger(dimension, PART_MONTHS, scope)),
          );
          // an admin of a town reads its own rows of the rollups, a county's admin its own and its towns' (migration 0047)
          for (const code of ["310118001", "310118"]) {
            const inRegion = reportScope({ regionScope: code });
            expect(asObject(await figuresFromRollups(dimension, PERIOD, inRegion)), code).toEqual(
              asObject(await figuresFromLedger(dimension, PERIOD, inRegion)),
            );
          }
        }
        const [timesFromCounts, timesFromTable, timesFromRequests] = await Promise.all([
          acceptTimesFromCounts(dimension, PERIOD, scope),
          acceptTimesFromTable(dimension, PERIOD, scope),
          acceptTimesFromRequests(dimension, PERIOD, scope),
        ]);
        expect(timesFromTable).toEqual(timesFromRequests);
        expect(timesFromCounts).toEqual(timesFromRequests);
        // a county's admin reads that county's counts, the whole zone its own (migration 0044), a town's its own (0059)
        for (const code of ["330421", "310118", "310118001", "310118002"]) {
          const inRegion = reportScope({ regionScope: code });
          expect(await acceptTimesFromCounts(dimension, PERIOD, inRegion), code).toEqual(await acceptTimesFromRequests(dimension, PERIOD, inRegion));
        }
        // a period of some months and a whole year reads both kinds of counts (migration 0045)
        expect(await acceptTimesFromCounts(dimension, MONTHS_AND_A_YEAR, scope)).toEqual(
          await acceptTimesFromRequests(dimension, MONTHS_AND_A_YEAR, scope),
        );
        expect(await yearlyCountsApart()).toEqual([]);
        const report = await getReport(admin, { groupBy: "month", period: PERIOD }, "zh-CN");
        expect(report.totals.recoveredFen).toBe(total);
        expect(report.rows.reduce((acc, r) => acc + r.recoveredFen, 0n)).toBe(total);
        expect((await getPublicStats()).recoveredFen).toBe(total);
        const csv = new TextDecoder().decode((await exportReport(admin, { groupBy: "region", period: PERIOD, format: "csv" })).body);
        expect(yuanOf(csv.trim().split("\r\n").at(-1)!.split(",")[6])).toBe(total);
        if (runs % 25 === 0) {
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load((await exportReport(admin, { groupBy: "month", period: PERIOD, format: "xlsx" })).body.buffer as ArrayBuffer);
          const sheet = workbook.getWorksheet("报表")!;
          const totals = sheet.getRow(sheet.rowCount);
          expect(BigInt(totals.getCell(9).value as number)).toBe(total);
          expect(totals.getCell(8).value).toBe(Number(total) / 100);
        }
      }),
      { numRuns: 200 },
    );
  }, 240_000);

  it("carries the ceiling of one amount, 10^12 fen, exactly through the API and its totals", async () => {
    const token = await bearerFor(experts[0]!);
    const requestId = await createAcceptedCase({ enterprise, expert: experts[0]! });
    const call = async (handler: typeof postDispute, id: string, body?: unknown) =>
      (await handler(
        new Request("http://localhost/x", {
          method: body ? "POST" : "GET",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: body ? JSON.stringify(body) : undefined,
        }),
        { params: Promise.resolve({ id }) },
      ).then((r) => r.json())) as Record<string, unknown>;
    const dispute = await call(postDispute, requestId, { counterparty: { name: "大额相对方" }, kind: "contract", claimedFen: 10 ** 12 });
    const entry = await call(postRecovery, dispute.id as string, { amountFen: 10 ** 12, receivedOn: "2026-06-30", method: "judgment" });
    expect(entry.amountFen).toBe(10 ** 12);
    const listed = (await call(listDisputes, requestId)) as { totals: { claimedFen: number; recoveredFen: number } };
    expect(listed.totals).toMatchObject({ claimedFen: 10 ** 12, recoveredFen: 10 ** 12 });
    const report = await getReport(admin, { groupBy: "month", period: PERIOD }, "zh-CN");
    expect(report.rows.find((r) => r.key === "2026-06")!.recoveredFen >= 10n ** 12n).toBe(true);
  });
});
