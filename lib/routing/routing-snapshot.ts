import { sql } from "drizzle-orm";
import { rowsOf, type DbOrTx } from "@/db";
import { factsOf, profileColumns, ruledOutHereJson, type ProfileRow } from "./candidate-rows";
import { ProfileTable } from "./profile-table";
import type { RoutingSettings } from "./schemas";
import type { CandidateFacts, RoutingRequest } from "./types";
import { ROUTING_SETTINGS_KEY, routingSettingsFrom } from "./weights";

/**
 * What ranking one request reads from the database, in one statement: the routing settings, the
 * experts ruled out of this request, and the routing profiles written since the last read.
 *
 * Every expert's routing profile is kept in this process's memory (a ProfileTable), so ranking
 * does not ship thousands of rows each time. Reading only the changed rows is exact:
 *
 * - Each row carries the transaction that last wrote it (`written_xid`) and a revision that grows
 *   by one on every write (trigger expert_routing_profiles_stamp). Writes to one expert's row are
 *   serialised by locks, so of two committed versions the later one has the higher revision: rows
 *   read by overlapping calls are merged by revision, in whatever order they arrive.
 * - A transaction whose rows a snapshot could not see has an id at or above that snapshot's xmin.
 *   Each read asks for every row with `written_xid >= xmin` of the previous read, so nothing
 *   committed after a read is missed.
 * - Rows the calling transaction itself wrote and has not committed are used for that call only,
 *   never kept: the transaction may still roll back. They are read again after it commits.
 *
 * Profiles are only deleted with their expert (ON DELETE CASCADE); a deleted expert left here is
 * turned away when the offer is made (cascade.ts checks the database under a lock).
 */
export interface RoutingSnapshot {
  settings: RoutingSettings;
  ruledOut: Set<string>;
  table: ProfileTable;
  /** Profiles the caller's own open transaction wrote: they take the kept ones' place for this call. */
  own: Map<string, CandidateFacts>;
}

interface Kept {
  /** Which database the profiles came from (tests and tools open several in one process). */
  database: string;
  /** The xmin of the latest snapshot whose rows are merged: the next read asks for rows written at or after it. */
  since: bigint;
  table: ProfileTable;
}

interface Row {
  database: string;
  xmin: string;
  own: string | null;
  settings: unknown;
  ruled_out: string[];
  changed: (ProfileRow & { revision: number; mine: boolean })[];
}

async function read(handle: DbOrTx, request: RoutingRequest, since: bigint): Promise<Row> {
  const [row] = rowsOf<Row>(
    await handle.execute(sql`with m as (
        select current_database() || ' ' || pg_postmaster_start_time()::text as database,
          pg_snapshot_xmin(pg_current_snapshot()) as xmin, pg_current_xact_id_if_assigned() as own)
      select m.database, m.xmin::text as xmin, m.own::text as own,
        (select s.value from settings s where s.key = ${ROUTING_SETTINGS_KEY}) as settings,
        ${ruledOutHereJson(request)} as ruled_out,
        (select coalesce(json_agg(x), '[]') from (
          -- Committed rows written since the last read. The upper bound changes nothing (a committed
          -- row this snapshot sees was written below its xmax) but lets PostgreSQL keep one plan for
          -- the statement instead of planning it on every call.
          select ${profileColumns}, p.revision, false as mine from expert_routing_profiles p
          where p.written_xid >= ${since.toString()}::xid8 and p.written_xid < pg_snapshot_xmax(pg_current_snapshot())
          union all
          -- Rows the calling transaction wrote (its id is at or above xmax).
          select ${profileColumns}, p.revision, true from expert_routing_profiles p where p.written_xid = m.own) x) as changed
      from m`),
  );
  return row!;
}

/**
 * The routing profiles one server process keeps (one per process: processProfiles). Each process
 * brings its own up to date from the database at every ranking, so a change committed through
 * another process (an expert suspended, an offer answered) is in the next ranking here: nothing
 * needs to be told to the other processes.
 */
export class KeptProfiles {
  private kept: Kept | null = null;

  /** Reads the routing snapshot for one request (see RoutingSnapshot), bringing the kept profiles up to date. */
  async read(handle: DbOrTx, request: RoutingRequest): Promise<RoutingSnapshot> {
    let row = await read(handle, request, this.kept?.since ?? 0n);
    if (this.kept && this.kept.database !== row.database) {
      this.kept = null;
      row = await read(handle, request, 0n);
    }
    const current: Kept = (this.kept ??= { database: row.database, since: 0n, table: new ProfileTable() });
    const own = new Map<string, CandidateFacts>();
    for (const changed of row.changed) {
      const facts = factsOf(changed);
      if (changed.mine) own.set(facts.expertId, facts);
      else current.table.put(facts, Number(changed.revision));
    }
    // A snapshot's xmin is never above the calling transaction's own id, so what it wrote is read again.
    let next = BigInt(row.xmin);
    if (row.own !== null && BigInt(row.own) < next) next = BigInt(row.own);
    if (next > current.since) current.since = next;
    return { settings: routingSettingsFrom(row.settings), ruledOut: new Set(row.ruled_out), table: current.table, own };
  }
}

/** The routing profiles this process keeps. */
export const processProfiles = new KeptProfiles();

/** Reads the routing snapshot for one request from the profiles this process keeps (see KeptProfiles). */
export function readRoutingSnapshot(handle: DbOrTx, request: RoutingRequest, profiles: KeptProfiles = processProfiles): Promise<RoutingSnapshot> {
  return profiles.read(handle, request);
}
