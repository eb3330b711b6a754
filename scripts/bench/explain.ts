/**
 * The EXPLAIN check: every statement a path sends, planned on the benchmark's database; a
 * sequential scan of a large table is a failure. On a small database the planner scans small
 * tables whatever the indexes, so there sequential scans are priced out (enable_seqscan off):
 * one still chosen means no index can serve the statement.
 */
import postgres from "postgres";
import type { Statement } from "./capture";

export const LARGE_TABLES = ["requests", "disputes", "recoveries", "experts", "enterprises", "events", "users"];

export interface SeqScan {
  path: string;
  table: string;
  statement: string;
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

function seqScannedTables(node: PlanNode): string[] {
  const own =
    node["Node Type"] === "Seq Scan" && node["Relation Name"] && LARGE_TABLES.includes(node["Relation Name"]) ? [node["Relation Name"]] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScannedTables)];
}

/** Sequential scans of large tables in the plans of each path's statements. */
export async function findSeqScans(
  databaseUrl: string,
  paths: { key: string; statements: Statement[] }[],
  priceOutSeqScans: boolean,
): Promise<SeqScan[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const found: SeqScan[] = [];
  try {
    await sql.begin(async (tx) => {
      if (priceOutSeqScans) await tx.unsafe("set local enable_seqscan = off");
      for (const path of paths) {
        for (const statement of new Map(path.statements.map((s) => [s.text, s])).values()) {
          const [row] = await tx.unsafe(`explain (format json) ${statement.text}`, statement.params as postgres.ParameterOrJSON<never>[]);
          const [plan] = (row as unknown as { "QUERY PLAN": { Plan: PlanNode }[] })["QUERY PLAN"];
          for (const table of new Set(seqScannedTables(plan!.Plan))) found.push({ path: path.key, table, statement: statement.text });
        }
      }
    });
  } finally {
    await sql.end();
  }
  return found;
}
