import { sql, type SQL } from "drizzle-orm";
import { database, db, rowsOf, type Database, type DbOrTx } from "@/db";
import { addFigures, byRank, hasFigures, zeroFigures, type Figures } from "./figures";

/*
 * The report by expert over any period but one calendar year sums every expert's rows of its years
 * and months: at the Delta's full scale (100,000 experts) about a second for six months of the zone,
 * for a page of fifty. Almost all of those rows are compacted (shard 0), and the compacted rows
 * change only when the compaction folds a shard into them (every ten minutes) or the rollups are
 * rebuilt; report_expert_generation counts those changes (migration 0058). So the ranking of a
 * period's compacted rows is worked out once per generation and kept, and each look adds the rows
 * written since (shards 1..32, a few minutes' worth) to the experts they touch: one statement, in
 * the snapshot that also reads the generation, so what is added is never already in the ranking.
 */

/** An expert's key and figures. */
export type Ranked = { key: string } & Figures;

interface Kept {
  generation: number;
  /** The compacted rows' experts with figures, best first (byRank). */
  order: Ranked[];
  byKey: Map<string, Ranked>;
}

/** Rankings kept per database (tests give each file its own), at most RANKINGS_KEPT of them (a period and scope each). */
const RANKINGS_KEPT = 4;
const kept = new WeakMap<Database, Map<string, Kept>>();

/** A key's six figures as the statements here give them (text: the sums are numeric). */
export type FigureRow = { key: string; f: string; rr: string; o: string; dr: string; c: string; rf: string };

export const figuresOfRow = (r: FigureRow): Figures => ({
  requests: Number(r.f),
  requestsResolved: Number(r.rr),
  disputesOpened: Number(r.o),
  disputesResolved: Number(r.dr),
  claimedFen: BigInt(r.c),
  recoveredFen: BigInt(r.rf),
});

const toRanked = (r: FigureRow): Ranked => ({ key: r.key, ...figuresOfRow(r) });

/** SQL: key and the six figures of a select of rows (alias r), summed per key, as text. */
const summedPerKey = (rows: SQL) => sql`
  select key, sum(requests_filed)::text as f, sum(requests_resolved)::text as rr, sum(disputes_opened)::text as o,
    sum(disputes_resolved)::text as dr, sum(claimed_fen)::text as c, sum(recovered_fen)::text as rf
  from (${rows}) r group by key`;

/** The generation and the rows written since the compaction, summed per key: one statement, one snapshot. */
async function generationAndLive(live: SQL, handle: DbOrTx) {
  const rows = rowsOf<{ g: string } & Partial<FigureRow>>(
    await handle.execute(sql`
      select g.generation::text as g, d.* from report_expert_generation g left join (${summedPerKey(live)}) d on true`),
  );
  return { generation: Number(rows[0]?.g ?? -1), live: rows.filter((r) => r.key != null).map((r) => toRanked(r as FigureRow)) };
}

/** The ranking of the compacted rows, with the generation and the rows written since: one statement, one snapshot. */
async function rankCompacted(compacted: SQL, live: SQL, handle: DbOrTx) {
  const rows = rowsOf<{ part: "g" | "c" | "l" } & FigureRow>(
    await handle.execute(sql`
      select 'g' as part, generation::text as key, null as f, null as rr, null as o, null as dr, null as c, null as rf from report_expert_generation
      union all (select 'c', * from (${summedPerKey(compacted)}) c
        where f <> '0' or rr <> '0' or o <> '0' or dr <> '0' or c <> '0' or rf <> '0'
        order by f::bigint desc, rf::bigint desc, key collate "C")
      union all select 'l', * from (${summedPerKey(live)}) l`),
  );
  const order = rows.filter((r) => r.part === "c").map(toRanked);
  // SQL orders them; the same order in code units, whatever the database's collation does with keys
  order.sort(byRank);
  const generation = Number(rows.find((r) => r.part === "g")?.key ?? -1);
  return { generation, order, live: rows.filter((r) => r.part === "l").map(toRanked) };
}

/** A ranking's first `limit` experts with figures once the rows written since are added, and how many there are. */
export interface MergedRanking {
  top: Ranked[];
  count: number;
  /** Whether the expert has figures in the period. */
  has(key: string): boolean;
}

function merge(ranking: Pick<Kept, "order" | "byKey">, live: Ranked[], limit: number): MergedRanking {
  const changed = new Map<string, Ranked>();
  let count = ranking.order.length;
  for (const delta of live) {
    const before = ranking.byKey.get(delta.key);
    const after = { key: delta.key, ...addFigures(before ?? zeroFigures(), delta) };
    changed.set(delta.key, after);
    count += (hasFigures(after) ? 1 : 0) - (before ? 1 : 0);
  }
  const top: Ranked[] = [];
  for (const r of ranking.order) {
    if (top.length >= limit) break;
    if (!changed.has(r.key)) top.push(r);
  }
  for (const r of changed.values()) if (hasFigures(r)) top.push(r);
  top.sort(byRank);
  return {
    top: top.slice(0, limit),
    count,
    has: (key) => {
      const now = changed.get(key);
      return now ? hasFigures(now) : ranking.byKey.has(key);
    },
  };
}

const withIndex = (order: Ranked[]) => ({ order, byKey: new Map(order.map((r) => [r.key, r])) });

/**
 * The experts of a period best first: `compacted` and `live` select the period's rows in shard 0 and
 * in the other shards (key and the six figure columns). `id` names the period and scope. Through
 * `db`, the compacted rows' ranking is kept for as long as their generation stays; inside a
 * caller's transaction (which may have changed them) nothing is kept or read from what is kept.
 */
export async function rankedWithCompacted(id: string, compacted: SQL, live: SQL, limit: number, handle: DbOrTx = db): Promise<MergedRanking> {
  if (handle !== db) {
    const fresh = await rankCompacted(compacted, live, handle);
    return merge(withIndex(fresh.order), fresh.live, limit);
  }
  const owner = database();
  let rankings = kept.get(owner);
  if (!rankings) kept.set(owner, (rankings = new Map()));
  const known = rankings.get(id);
  if (known) {
    const now = await generationAndLive(live, handle);
    if (now.generation === known.generation) {
      rankings.delete(id);
      rankings.set(id, known);
      return merge(known, now.live, limit);
    }
  }
  const fresh = await rankCompacted(compacted, live, handle);
  rankings.delete(id);
  if (rankings.size >= RANKINGS_KEPT) rankings.delete(rankings.keys().next().value!);
  const ranking = { generation: fresh.generation, ...withIndex(fresh.order) };
  // no generation row (never after migration 0058): nothing would say when the ranking goes stale
  if (fresh.generation >= 0) rankings.set(id, ranking);
  return merge(ranking, fresh.live, limit);
}
