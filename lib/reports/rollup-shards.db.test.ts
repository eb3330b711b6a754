import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, rowsOf } from "@/db";
import type { Actor } from "@/lib/authz";
import { fileRequest } from "@/lib/requests/file-request";
import { openSecondConnection, useTestDatabase } from "@/test/database";
import { createEnterpriseActor, createStationActor } from "@/test/fixtures";
import { requestInput } from "@/test/request-fixtures";
import { todayInShanghai } from "@/lib/clock";
import { compactRollups } from "./compact-rollups";
import { figuresFromLedger, figuresFromRollups } from "./figures";
import { makePeriod } from "./period";
import { getPublicStats } from "./public-stats";
import { reportScope } from "./scope";

/**
 * Report rollups sharded per writing transaction (migration 0035): concurrent filings add to
 * different rows, every reader sums over the shards, and the figures stay those of a rebuild from
 * the requests and the ledger, before and after the compaction.
 */
useTestDatabase();

/** The figures per key, summed over shards (rows that sum to nothing left out, as a rebuild has none). */
const figures = async () =>
  rowsOf<Record<string, string>>(
    await db.execute(sql`select dimension, key, month::text, region_code, sum(requests_filed)::text as f, sum(requests_resolved)::text as rr,
      sum(disputes_opened)::text as o, sum(disputes_resolved)::text as dr, sum(claimed_fen)::text as c, sum(recovered_fen)::text as rf
      from report_rollups group by 1, 2, 3, 4
      having sum(requests_filed) <> 0 or sum(requests_resolved) <> 0 or sum(disputes_opened) <> 0 or sum(disputes_resolved) <> 0
        or sum(claimed_fen) <> 0 or sum(recovered_fen) <> 0
      order by 1, 2, 3, 4`),
  );
const rebuilt = async () => {
  await db.execute(sql`select report_rollups_rebuild()`);
  return figures();
};
const shardsInUse = async () =>
  rowsOf<{ shard: number }>(await db.execute(sql`select distinct shard from report_rollups order by 1`)).map((r) => Number(r.shard));
const count = async (query: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await db.execute(query))[0]!.n);

/** This whole month in Shanghai, when the filings below are made. */
const thisMonth = () => {
  const today = todayInShanghai();
  const [year, month] = today.split("-").map(Number);
  const last = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return makePeriod(`${today.slice(0, 7)}-01`, `${today.slice(0, 7)}-${String(last).padStart(2, "0")}`);
};

describe("sharded report rollups", () => {
  let companies: Actor[];
  let station: Actor;
  beforeAll(async () => {
    companies = await Promise.all(Array.from({ length: 4 }, () => createEnterpriseActor(undefined, "330421103")));
    station = await createStationActor("330421103");
  });

  it("concurrent filings each add to a shard, and the sums equal a rebuild (really concurrent on PostgreSQL)", async () => {
    const before = (await getPublicStats()).requestsFiled;
    const filed = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        i % 6 === 5
          ? fileRequest(
              station,
              requestInput({ regionCode: "330421103", enterprise: { name: `来访人${i}`, contactName: "王", contactPhone: "13800000000" } }),
            )
          : fileRequest(
              companies[i % 4]!,
              requestInput({ regionCode: "330421103", specialties: i % 2 ? ["contract", "debt_collection"] : ["lease"] }),
            ),
      ),
    );
    expect(new Set(filed.map((f) => f.id)).size).toBe(24);
    expect((await getPublicStats()).requestsFiled).toBe(before + 24);
    // the filings went to shards of their own, never to the rebuilt shard 0
    expect((await shardsInUse()).every((s) => s >= 1 && s <= 32)).toBe(true);
    const scope = reportScope({ regionScope: null });
    const period = thisMonth();
    expect(period.isWholeMonths).toBe(true);
    for (const dimension of ["all", "channel", "specialty", "region"] as const) {
      expect(await figuresFromRollups(dimension, period, scope)).toEqual(await figuresFromLedger(dimension, period, scope));
    }
    const kept = await figures();
    expect(await rebuilt()).toEqual(kept);
    expect(await shardsInUse()).toEqual([0]);
  });

  it("gives two open transactions different shards, keeps one shard through a transaction, and none with clcr.rollup_shards = 1", async () => {
    const other = await openSecondConnection();
    const shardOf = async (work: (shard: () => Promise<number>) => Promise<number[]>) =>
      db.transaction((tx) => work(async () => Number(rowsOf<{ s: number }>(await tx.execute(sql`select report_rollup_shard() as s`))[0]!.s)));
    expect(await shardOf(async (shard) => [await shard(), await shard()])).toEqual([1, 1]);
    expect(
      await db.transaction(async (tx) => {
        await tx.execute(sql`set local clcr.rollup_shards = 1`);
        return Number(rowsOf<{ s: number }>(await tx.execute(sql`select report_rollup_shard() as s`))[0]!.s);
      }),
    ).toBe(0);
    if (!other) return; // PGlite: one connection, so no two transactions are ever open at once
    try {
      await other.begin(async (held) => {
        const [first] = await held`select report_rollup_shard() as s`;
        expect(Number(first!.s)).toBe(1);
        expect(await shardOf(async (shard) => [await shard()])).toEqual([2]);
      });
      expect(await shardOf(async (shard) => [await shard()])).toEqual([1]);
    } finally {
      await other.end();
    }
  });

  it("folds the shards into one row per key and keeps every figure", async () => {
    await fileRequest(companies[0]!, requestInput({ regionCode: "330421103" }));
    const kept = await figures();
    expect((await shardsInUse()).some((s) => s > 0)).toBe(true);
    expect(await compactRollups()).toBeGreaterThan(0);
    expect(await shardsInUse()).toEqual([0]);
    expect(
      await count(
        sql`select count(*)::int as n from (select 1 from report_rollups group by dimension, key, month, region_code having count(*) > 1) x`,
      ),
    ).toBe(0);
    expect(await figures()).toEqual(kept);
    expect(await rebuilt()).toEqual(kept);
  });

  it("loses nothing when it folds a shard a filing holds: it waits for that filing (PostgreSQL)", async () => {
    const other = await openSecondConnection();
    if (!other) return;
    try {
      // shard 1 has committed rows to fold, and is free again
      await fileRequest(companies[0]!, requestInput({ regionCode: "330421103" }));
      let compacting: Promise<number> | undefined;
      await other.begin(async (held) => {
        // a filing whose transaction holds shard 1 and has added to it, not yet committed
        await held`insert into requests (title, category, description, region_code, enterprise_id, filed_by_user_id)
          values ('并发', 'consultation', '—', '330421103', ${companies[1]!.enterpriseId!}, ${companies[1]!.userId})`;
        const [claimed] = await held`select report_rollup_shard() as s`;
        expect(Number(claimed!.s)).toBe(1);
        compacting = compactRollups();
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      await compacting;
      expect(await shardsInUse()).toEqual([0]);
      const kept = await figures();
      expect(await rebuilt()).toEqual(kept);
    } finally {
      await other.end();
    }
  });
});
