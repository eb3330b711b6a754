/**
 * The side-by-side benchmark's own database, `clcr_bench_<scale>` on the server of DATABASE_URL:
 * kept between runs and reused when its marker (a comment on the database) names the same scale
 * and the same last migration; otherwise (or with `--fresh`) dropped, created, migrated and generated.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { openPostgres } from "@/db";
import { migrateDatabase, migrationsFolder } from "@/db/migrate";
import { seedReferenceData } from "@/db/seed/reference";
import { databaseUrl, serverUrl } from "../bench-database";
import { countsAt, generateWorld } from "./generate";

/** Bump when the generator writes something different, so kept databases are rebuilt. */
const GENERATOR_VERSION = 2;

function schemaVersion(): string {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  return `${journal.entries.at(-1)?.tag ?? "none"}+generator-${GENERATOR_VERSION}`;
}

export const benchDatabaseName = (scale: number) => `clcr_bench_${String(scale).replace(/[^0-9]/g, "_")}`;

/** The benchmark database at this scale, ready to load: its name, URL and whether it was generated now. */
export async function ensureBenchDatabase(scale: number, fresh: boolean): Promise<{ name: string; url: string; generated: boolean }> {
  const name = benchDatabaseName(scale);
  const url = databaseUrl(name);
  const marker = JSON.stringify({ scale, schema: schemaVersion() });
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [found] = await admin<
      { marker: string | null }[]
    >`select shobj_description(oid, 'pg_database') as marker from pg_database where datname = ${name}`;
    if (found && found.marker === marker && !fresh) {
      const database = openPostgres(url, { max: 1 });
      await migrateDatabase(database).finally(() => database.close());
      return { name, url, generated: false };
    }
    if (found) await admin.unsafe(`drop database ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
    // generating the full scale takes over an hour, in one session (temporary tables, triggers off)
    const database = openPostgres(url, { max: 1, keepConnections: true });
    try {
      await migrateDatabase(database);
      await database.db.transaction((tx) => seedReferenceData(tx));
      await generateWorld(database, countsAt(scale));
    } finally {
      await database.close();
    }
    // Only a complete database gets its marker: an interrupted one is rebuilt next time.
    await admin.unsafe(`comment on database ${name} is '${marker}'`);
    return { name, url, generated: true };
  } finally {
    await admin.end();
  }
}
