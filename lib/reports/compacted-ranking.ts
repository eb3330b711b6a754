import { sql, type SQL } from "drizzle-orm";
import { database, db, rowsOf, type Database, type DbOrTx } from "@/db";
import { log } from "@/lib/log";
import { addFigures, byRank, hasFigures, zeroFigures, type Figures } from "./figures";

/*
 * The report by expert over any period but one calendar year sums every expert's rows of its years
 * and months: at the Delta's full scale (100,000 experts) about a second for six months of the zone,
 * for a page of fifty. Almost all of those rows are compacted (shard 0), and the compacted rows
 * change only when the compaction folds a shard into them (every ten minutes) or the rollups are
 * rebuilt; report_expert_generation counts those changes (migration 0058), and report_expert_changes
 * says which experts each one changed (migration 0060). So the ranking of a period's compacted rows
 * is worked out once and kept; when the generation moves, the experts changed since are worked out
 * again and put back in their places (the whole ranking again only when the log no longer reaches
 * back to it, a rebuild or more than 1,024 generations, or when more than half its experts changed
 * since: each is read from the index on its own, which nears the cost of reading the period's
 * compacted rows whole as they near all of them; half leaves a margin). Each look adds the rows
 * written since the compaction (shards 1..32, a few minutes' worth) to the experts they touch. Each
 * look is one statement, in one snapshot (one more after a compaction): the generation, the experts
 * changed since, their compacted rows and the rows written since are never out of step. A worked-out
 * ranking is also stored (report_expert_rankings, migration 0061), and stored again as it is brought
 * up to date before the log stops reaching back to the stored copy: a process without one of its
 * own (started since, or another behind the same load balancer) takes it and brings it up to date
 * from the log the same way, instead of ranking the whole roster again.
 */

/** An expert's key and figures. */
export type Ranked = { key: string } & Figures;

interface Kept {
  generation: number;
  /** The compacted rows' experts with figures, best first (byRank). */
  order: Ranked[];
  byKey: Map<string, Ranked>;
  /** The generation of the stored copy, as far as this process knows (it took or stored it). */
  stored: number;
  /** The experts put back since the stored copy, summed over the patches (one changed twice counts twice). */
  changedSinceStored: number;
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

/** SQL: a period's rows (key and the six figure columns) in the shards `shards` selects ("shard = 0", …). */
export type PeriodRows = (shards: SQL) => SQL;

const nothing = sql.raw("null as f, null as rr, null as o, null as dr, null as c, null as rf");

/** The generation and the rows written since the compaction, summed per key: one statement, one snapshot. */
async function generationAndLive(rows: PeriodRows, handle: DbOrTx) {
  const found = rowsOf<{ g: string } & Partial<FigureRow>>(
    await handle.execute(sql`
      select g.generation::text as g, d.* from report_expert_generation g left join (${summedPerKey(rows(sql`shard > 0`))}) d on true`),
  );
  return { generation: Number(found[0]?.g ?? -1), live: found.filter((r) => r.key != null).map((r) => toRanked(r as FigureRow)) };
}

/**
 * How many experts changed since a kept ranking are always put back in their places, however small
 * the ranking (more than this and more than half of its experts, and it is worked out again): the
 * most one statement may change and still be logged (migration 0060).
 */
export const PATCH_AT_MOST = 4_096;

const patchesAtMost = (ranking: Kept) => Math.max(PATCH_AT_MOST, Math.floor(ranking.order.length / 2));

/**
 * A kept ranking's look once the generation moved: the generation, how far back the log of changed
 * experts reaches and how many experts changed since `generation` (only when the log reaches back
 * to it: else nothing of the log is read), those experts with their compacted rows summed (only when
 * there are at most `most`), and the rows written since the compaction summed per key. One
 * statement, one snapshot.
 */
async function lookSince(generation: number, most: number, rows: PeriodRows, handle: DbOrTx) {
  const found = rowsOf<{ part: "g" | "k" | "p" | "l" } & FigureRow>(
    await handle.execute(sql`
      with g as materialized (select generation, logged_after from report_expert_generation),
      changed as materialized (
        select distinct key from report_expert_changes
        where generation > ${generation} and (select logged_after from g) <= ${generation}
      ),
      n as materialized (select count(*) as n from changed),
      patching as materialized (select key from changed where (select n from n) <= ${most})
      select 'g' as part, generation::text as key, logged_after::text as f, (select n from n)::text as rr,
        null as o, null as dr, null as c, null as rf from g
      union all select 'k', key, ${nothing} from patching
      union all select 'p', * from (${summedPerKey(rows(sql`shard = 0 and key = any(array(select key from patching))`))}) p
      union all select 'l', * from (${summedPerKey(rows(sql`shard > 0`))}) l`),
  );
  const head = found.find((r) => r.part === "g");
  return {
    generation: Number(head?.key ?? -1),
    loggedAfter: Number(head?.f ?? Infinity),
    /** How many experts changed since `generation` (0 when the log does not reach back to it). */
    changedCount: Number(head?.rr ?? 0),
    changed: found.filter((r) => r.part === "k").map((r) => r.key),
    patched: found.filter((r) => r.part === "p").map(toRanked),
    live: found.filter((r) => r.part === "l").map(toRanked),
  };
}

/** The ranking of the compacted rows, with the generation and the rows written since: one statement, one snapshot. */
async function rankCompacted(rows: PeriodRows, handle: DbOrTx) {
  const found = rowsOf<{ part: "g" | "c" | "l" } & FigureRow>(
    await handle.execute(sql`
      select 'g' as part, generation::text as key, ${nothing} from report_expert_generation
      union all (select 'c', * from (${summedPerKey(rows(sql`shard = 0`))}) c
        where f <> '0' or rr <> '0' or o <> '0' or dr <> '0' or c <> '0' or rf <> '0'
        order by f::bigint desc, rf::bigint desc, key collate "C")
      union all select 'l', * from (${summedPerKey(rows(sql`shard > 0`))}) l`),
  );
  const order = found.filter((r) => r.part === "c").map(toRanked);
  // SQL orders them; the same order in code units, whatever the database's collation does with keys
  order.sort(byRank);
  const generation = Number(found.find((r) => r.part === "g")?.key ?? -1);
  return { generation, order, live: found.filter((r) => r.part === "l").map(toRanked) };
}

/**
 * The kept ranking with the changed experts taken out and put back with their compacted figures now
 * (`patched`: those of them with rows in the period; the others have none left). A new ranking: the
 * old one may still answer a look that began before.
 */
function patch(ranking: Kept, generation: number, changed: string[], patched: Ranked[]): Kept {
  const out = new Set(changed);
  const back = patched.filter(hasFigures).sort(byRank);
  const order: Ranked[] = [];
  let i = 0;
  for (const r of ranking.order) {
    if (out.has(r.key)) continue;
    while (i < back.length && byRank(back[i]!, r) < 0) order.push(back[i++]!);
    order.push(r);
  }
  while (i < back.length) order.push(back[i++]!);
  return { generation, ...withIndex(order), stored: ranking.stored, changedSinceStored: ranking.changedSinceStored + changed.length };
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

function rankingsOf(owner: Database): Map<string, Kept> {
  let rankings = kept.get(owner);
  if (!rankings) kept.set(owner, (rankings = new Map()));
  return rankings;
}

/** Keeps the ranking as the most recently used, the least recently used one going past RANKINGS_KEPT. */
function keep(rankings: Map<string, Kept>, id: string, ranking: Kept): Kept {
  rankings.delete(id);
  if (rankings.size >= RANKINGS_KEPT) rankings.delete(rankings.keys().next().value!);
  rankings.set(id, ranking);
  return ranking;
}

/** Forgets the rankings this process keeps, as a new process starts (tests, the benchmark). */
export function forgetKeptRankings() {
  kept.delete(database());
}

/** How many stored rankings are kept (report_expert_rankings): the last stored. */
export const RANKINGS_STORED = 16;

/**
 * A ranking brought up to date is stored again once it is this many generations ahead of the stored
 * copy: half of the 1,024 the log keeps (migration 0060), so a process that takes the stored one
 * can still bring it up to date from the log rather than rank the roster again (a compaction moves
 * the generation once per shard it folds: about a day of steady writing).
 */
export const STORE_EVERY_GENERATIONS = 512;

/**
 * …or once this many experts were put back since the stored copy, whichever comes first: a busy
 * roster changes thousands of experts well within 512 generations, and a process that takes the
 * stored copy reads each expert changed since from the index on its own, in its first look.
 */
export const STORE_EVERY_CHANGED = PATCH_AT_MOST / 2;

type StoredEntry = [
  key: string,
  requests: number,
  resolved: number,
  opened: number,
  disputesResolved: number,
  claimedFen: string,
  recoveredFen: string,
];

/**
 * The ranking another look stored for the period and scope, as of its generation; undefined when
 * there is none, or when what is stored cannot be read (then it is ranked again and stored over).
 */
async function storedRanking(id: string, handle: DbOrTx): Promise<Kept | undefined> {
  const [row] = rowsOf<{ generation: string; ranking: string }>(
    await handle.execute(sql`select generation::text as generation, ranking from report_expert_rankings where id = ${id}`),
  );
  if (!row) return undefined;
  try {
    const order = (JSON.parse(row.ranking) as StoredEntry[]).map(
      ([key, requests, requestsResolved, disputesOpened, disputesResolved, claimedFen, recoveredFen]): Ranked => ({
        key,
        requests,
        requestsResolved,
        disputesOpened,
        disputesResolved,
        claimedFen: BigInt(claimedFen),
        recoveredFen: BigInt(recoveredFen),
      }),
    );
    return { generation: Number(row.generation), ...withIndex(order), stored: Number(row.generation), changedSinceStored: 0 };
  } catch (error) {
    log().warn({ err: error, id }, "the report by expert could not read a stored ranking");
    return undefined;
  }
}

/**
 * Stores a worked-out ranking for the other processes (over one of the same generation or earlier),
 * and lets the oldest go past RANKINGS_STORED: one statement. The clean-up skips the rows another
 * store holds rather than wait for them (two stores of different periods never wait on each other).
 * A store that fails costs the other processes a ranking of their own, not this look: it is logged,
 * not thrown.
 */
async function storeRanking(id: string, ranking: Kept, handle: DbOrTx) {
  const entries: StoredEntry[] = ranking.order.map((r) => [
    r.key,
    r.requests,
    r.requestsResolved,
    r.disputesOpened,
    r.disputesResolved,
    String(r.claimedFen),
    String(r.recoveredFen),
  ]);
  try {
    // the insert runs to completion whether or not the delete reads it
    await handle.execute(sql`
      with put as (
        insert into report_expert_rankings as t (id, generation, ranking) values (${id}, ${ranking.generation}, ${JSON.stringify(entries)})
        on conflict (id) do update set generation = excluded.generation, ranking = excluded.ranking, stored_at = now()
        where t.generation <= excluded.generation)
      delete from report_expert_rankings where id in (
        select id from report_expert_rankings where id <> ${id} order by stored_at desc, id offset ${RANKINGS_STORED - 1} for update skip locked)`);
  } catch (error) {
    log().warn({ err: error, id }, "the report by expert could not store its ranking");
  }
}

/**
 * The experts of a period best first: `rows` selects the period's rows in the given shards (key and
 * the six figure columns). `id` names the period and scope. Through `db`, the compacted rows'
 * ranking is kept and brought up to date as their generation moves; inside a caller's transaction
 * (which may have changed them) nothing is kept or read from what is kept.
 */
export async function rankedWithCompacted(id: string, rows: PeriodRows, limit: number, handle: DbOrTx = db): Promise<MergedRanking> {
  if (handle !== db) {
    const fresh = await rankCompacted(rows, handle);
    return merge(withIndex(fresh.order), fresh.live, limit);
  }
  const rankings = rankingsOf(database());
  // a process without one of its own takes the one another process (or it, before a restart) stored
  const known = rankings.get(id) ?? (await storedRanking(id, handle));
  if (known) {
    // most looks: the compacted rows as they were, the rows written since added
    const same = await generationAndLive(rows, handle);
    if (same.generation === known.generation) return merge(keep(rankings, id, known), same.live, limit);
    const most = patchesAtMost(known);
    const now = await lookSince(known.generation, most, rows, handle);
    // the log reaches back to the kept ranking, and few changed since: put them back in their places
    if (now.generation >= known.generation && now.loggedAfter <= known.generation && now.changedCount <= most) {
      const patched = keep(rankings, id, patch(known, now.generation, now.changed, now.patched));
      if (patched.generation - patched.stored >= STORE_EVERY_GENERATIONS || patched.changedSinceStored >= STORE_EVERY_CHANGED) {
        patched.stored = patched.generation;
        patched.changedSinceStored = 0;
        await storeRanking(id, patched, handle);
      }
      return merge(patched, now.live, limit);
    }
  }
  const fresh = await rankCompacted(rows, handle);
  const ranking = { generation: fresh.generation, ...withIndex(fresh.order), stored: fresh.generation, changedSinceStored: 0 };
  // no generation row (never after migration 0058): nothing would say when the ranking goes stale
  if (fresh.generation >= 0) {
    keep(rankings, id, ranking);
    await storeRanking(id, ranking, handle);
  }
  return merge(ranking, fresh.live, limit);
}
