import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf, db } from "@/db";
import { acceptTimes, acceptTimesFromRequests } from "@/lib/reports/accept-times";
import { figuresFromLedger, figuresFromRollups } from "@/lib/reports/figures";
import { makePeriod } from "@/lib/reports/period";
import { reportScope } from "@/lib/reports/scope";
import { fileRequest } from "@/lib/requests/file-request";
import { useTestDatabase } from "@/test/database";
import { createEnterpriseActor } from "@/test/fixtures";
import { requestInput } from "@/test/request-fixtures";
import { generateWorld } from "./generate";

/**
 * The benchmark's world is written with the triggers off: what they would have kept (rollups,
 * acceptance times, case numbers, routing profiles, search grams) must still agree with the rows,
 * or the benchmark measures a database the app could never have made.
 */
const test = useTestDatabase();
const counts = { experts: 20, enterprises: 20, requests: 120, disputes: 240, ledgerEntries: 480 };
const json = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v instanceof Map ? [...v.entries()].sort() : v));
const year = new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date());
const one = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(query))[0]!;

describe("the benchmark's generated world", () => {
  it("has the rows asked for, and derived tables that agree with them", { timeout: 120_000 }, async () => {
    await generateWorld(test.current(), counts);
    const n = await one<
      Record<string, number>
    >(sql`select (select count(*)::int from experts) as experts, (select count(*)::int from enterprises) as enterprises,
      (select count(*)::int from requests) as requests, (select count(*)::int from disputes) as disputes, (select count(*)::int from recoveries) as entries,
      (select count(*)::int from expert_routing_profiles) as profiles, (select count(*)::int from experts where cardinality(search_grams) > 0) as searchable,
      (select count(distinct case_number)::int from requests where case_number ~ '^[A-Z0-9]+-\\d{4}-\\d{5,}$') as numbered`);
    expect(n).toEqual({
      experts: counts.experts,
      enterprises: counts.enterprises,
      requests: counts.requests,
      disputes: counts.disputes,
      entries: counts.ledgerEntries,
      profiles: counts.experts,
      searchable: counts.experts,
      numbered: counts.requests,
    });

    // The dashboard's figures from the rollups are the ledger's, to the fen.
    const period = makePeriod("2015-01-01", "2030-12-31");
    const scope = reportScope({ regionScope: null });
    for (const dimension of ["month", "region", "channel"] as const) {
      expect(json(await figuresFromRollups(dimension, period, scope))).toBe(json(await figuresFromLedger(dimension, period, scope)));
      expect(json(await acceptTimes(dimension, period, scope))).toBe(json(await acceptTimesFromRequests(dimension, period, scope)));
    }
  });

  it("numbers the next filing after the generated ones of its district and year", async () => {
    const last = await one<{ n: number }>(
      sql`select coalesce(max(split_part(case_number, '-', 3)::int), 0) as n from requests
        where case_number like ${`JS-${year}-%`}`,
    );
    const company = await createEnterpriseActor(undefined, "330421001");
    const filed = await fileRequest(company, requestInput({ regionCode: "330421001" }));
    expect(Number(filed.caseNumber.split("-")[2])).toBe(last.n + 1);
  });
});
