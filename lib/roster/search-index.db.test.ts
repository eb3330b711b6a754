import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { and, count, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import postgres from "postgres";
import { beforeAll, describe, expect, it, inject } from "vitest";
import { database, db, openPostgres, pgliteDatabase, rowsOf, type Database } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { experts, regions, specialties } from "@/db/schema";
import { seedDemoWorldInTx } from "@/db/seed/demo-world";
import { seedReferenceData } from "@/db/seed/reference";
import { addCrowdOfExperts, addCrowdTrackRecords } from "@/test/directory-crowd";
import { useTestDatabase } from "@/test/database";
import { directorySearchBeforeIndex } from "@/test/directory-search-before-index";
import { comparableToBeforeProfiles, searchDirectoryBeforeProfiles } from "@/test/directory-search-before-profiles";
import { createExpertActor } from "@/test/fixtures";
import { statementsDuring } from "@/test/statement-count";
import { searchDirectory } from "./queries/experts";
import { replaceExpertTaxonomy } from "./reference-check";
import { directoryQuerySchema } from "./schemas";
import { directorySearch } from "./search-sql";
import { normalizeSearchText } from "./search-text";
import { hasCurrentAppointment } from "./term";

useTestDatabase();

const one = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(query))[0]!;
const sqlNormalize = async (text: string) => (await one<{ t: string }>(sql`select search_normalize(${text}) as t`)).t;
const sqlGrams = async (text: string) => (await one<{ g: string[] }>(sql`select search_grams(${text}) as g`)).g;
const termGrams = async (term: string) => (await one<{ g: string[] }>(sql`select search_term_grams(${term}) as g`)).g;
const storedGrams = async (expertId: string) => (await db.select({ g: experts.searchGrams }).from(experts).where(eq(experts.id, expertId)))[0]!.g;
/** Experts whose stored grams differ from a fresh computation: none, whatever wrote last. */
const staleExperts = async () =>
  (
    await one<{ n: number }>(
      sql`select count(*)::int as n from experts where search_grams is distinct from expert_search_grams(id, name, organization, title, bio)`,
    )
  ).n;

/** The grams as the migration defines them, spelled out in JavaScript over normalizeSearchText. */
function gramsOf(text: string): string[] {
  const grams = new Set<string>();
  for (const word of normalizeSearchText(text).split(" ").filter(Boolean)) {
    const chars = Array.from(word);
    chars.forEach((c, i) => {
      grams.add(c);
      if (i + 1 < chars.length) grams.add(c + chars[i + 1]);
    });
  }
  return [...grams].sort();
}

const samples = [
  "  沈文博  律师 ",
  "浙江嘉善正道律师事务所",
  "ＡＢＣ　律所（上海）",
  "E-Commerce and Live Streaming",
  "ｅｃｏｍｍｅｒｃｅ",
  "tab\there\nnew\r\nline",
  "nbsp\u00a0em\u2003ideographic\u3000thin\u2009end",
  "①②③ Ⅻ ㈱ ﬁle",
  "ÀÉÎ Straße ДЕЛО",
  "%_\\ 100% 追讨",
  "",
  "   ",
  "M&A 并购·跨境（English）",
];

describe("the search folding and grams (migration 0034)", () => {
  it("folds text in SQL exactly as normalizeSearchText does in JavaScript", async () => {
    for (const text of samples) expect(await sqlNormalize(text)).toBe(normalizeSearchText(text));
    const alphabet = [..."嘉善沈律师事务所催收ＡＢｃ１２ aZ-_%（）·、，。\t\n\u3000\u00a0\u2003①Ⅻﬁ"];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }), async (chars) => {
        const text = chars.join("");
        expect(await sqlNormalize(text)).toBe(normalizeSearchText(text));
      }),
      { numRuns: 150 },
    );
  });

  it("makes every character and every pair of adjacent characters within a word", async () => {
    for (const text of samples) expect([...(await sqlGrams(text))].sort()).toEqual(gramsOf(text));
    expect(await sqlGrams("嘉善 县")).toEqual(expect.arrayContaining(["嘉", "善", "县", "嘉善"]));
    expect(await sqlGrams("嘉善 县")).not.toContain("善县");
  });

  it("asks a term for its pairs, or its one character", async () => {
    expect([...(await termGrams("嘉善县"))].sort()).toEqual(["善县", "嘉善"]);
    expect(await termGrams("沈")).toEqual(["沈"]);
    expect([...(await termGrams("Ｅ-ｃ"))].sort()).toEqual(["-c", "e-"]);
  });
});

describe("the stored grams, kept by triggers", () => {
  it("follow the expert's text, specialties, served regions and their renames", async () => {
    const actor = await createExpertActor({ name: "易知行", specialties: ["debt_collection"], regions: ["330421"] });
    const id = actor.expertId!;
    expect(await storedGrams(id)).toEqual(expect.arrayContaining(["易知", "知行", "债权", "清收", "嘉善", "ji", "co"]));

    await db.update(experts).set({ bio: "专注破产重整", organization: "上海申浦律师事务所" }).where(eq(experts.id, id));
    expect(await storedGrams(id)).toEqual(expect.arrayContaining(["破产", "重整", "申浦"]));

    await db.transaction((tx) => replaceExpertTaxonomy(tx, id, { specialties: ["ip"], regions: ["320509"] }));
    const replaced = await storedGrams(id);
    expect(replaced).toEqual(expect.arrayContaining(["知识", "产权", "吴江", "wu"]));
    expect(replaced).not.toContain("清收");
    expect(replaced).not.toContain("嘉善");

    await db.update(specialties).set({ nameZh: "知识产权与商标" }).where(eq(specialties.code, "ip"));
    await db.update(regions).set({ nameEn: "Wujiang Zone" }).where(eq(regions.code, "320509"));
    expect(await storedGrams(id)).toEqual(expect.arrayContaining(["商标", "zo"]));
    expect(await staleExperts()).toBe(0);
    await db.transaction((tx) => seedReferenceData(tx));
    expect(await storedGrams(id)).not.toContain("商标");
  });

  it("are written for the whole demo world as it is seeded", async () => {
    await db.transaction((tx) => seedDemoWorldInTx(tx, "-"));
    expect(await staleExperts()).toBe(0);
  }, 120_000);
});

describe("the migration", () => {
  it("backfills the experts already there", async () => {
    const config = inject("testDatabase");
    const folder = mkdtempSync(path.join(tmpdir(), "clcr-0033-"));
    cpSync(path.join(process.cwd(), "db", "migrations"), folder, { recursive: true });
    const journalFile = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { idx: number }[] };
    journal.entries = journal.entries.filter((e) => e.idx < 34);
    writeFileSync(journalFile, JSON.stringify(journal));
    let database: Database;
    let drop = async () => {};
    if (config.kind === "pglite") database = pgliteDatabase(new PGlite());
    else {
      const name = `${config.template}_m${Date.now()}`;
      const admin = postgres(config.serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const url = new URL(config.serverUrl);
      url.pathname = `/${name}`;
      database = openPostgres(url.toString(), { max: 1 });
      drop = async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      };
    }
    try {
      await migrateDatabase(database, folder);
      await database.db.transaction((tx) => seedReferenceData(tx));
      await database.db
        .execute(sql`with u as (insert into users (email, password_hash, role, name) values ('old@example.com', '-', 'expert', '老专家') returning id),
        e as (insert into experts (user_id, name, organization, license_number, home_region_code) select id, '老专家', '嘉善正道律师事务所', 'OLD-1', '330421' from u returning id)
        insert into expert_specialties (expert_id, specialty_code) select id, 'mediation' from e`);
      await migrateDatabase(database);
      const [row] = rowsOf<{ g: string[] }>(await database.db.execute(sql`select search_grams as g from experts`));
      expect(row!.g).toEqual(expect.arrayContaining(["老专", "正道", "调处", "me"]));
    } finally {
      await database.close();
      await drop();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});

const queries = [
  "沈",
  "王",
  "嘉",
  "a",
  "%",
  "_",
  "·",
  "催收",
  "清收",
  "追讨",
  "调解",
  "电商",
  "律所",
  "嘉善",
  "沈文",
  "正道",
  "嘉兴市",
  "青浦区",
  "上海市",
  "债权清收",
  "律师事务所",
  "浙江嘉善正道律师事务所",
  "嘉善 催收",
  "正道, 律师",
  "律师、合伙人",
  "知识产权",
  "矛盾调处",
  "Jiashan",
  "jiashan county",
  "Qingpu",
  "Mediation",
  "debt",
  "E-commerce",
  "ｅ-ｃｏｍｍｅｒｃｅ",
  "ＸＹＺ",
  "xyz",
  "abc",
  "abxbc",
  "c++",
  "（上海）",
  "web3.0",
  "021-5555",
  "欧阳·娜娜",
  "30 余起",
  "教授",
  "不存在的词",
];

const both = async (query: Record<string, string>) => {
  const parsed = directoryQuerySchema.parse({ pageSize: "100", ...query });
  return { indexed: await searchDirectory(parsed), scanned: await searchDirectory(parsed, { textSearch: directorySearchBeforeIndex }) };
};

describe("the directory search through the index", () => {
  beforeAll(async () => {
    // Punctuation, full-width forms, Latin text and a near miss for the index ("abxbc" has "ab" and "bc").
    const odd = await createExpertActor({ name: "欧阳·娜娜", specialties: ["ip"], regions: ["310118"] });
    await db
      .update(experts)
      .set({ organization: "ＸＹＺ（上海）律师事务所", title: "Senior Partner", bio: "abxbc；擅长 C++ 与 Web3.0 合规，tel:021-5555。" })
      .where(eq(experts.id, odd.expertId!));
  });

  it("finds what the search before the index found, in the same order, over the demo world", async () => {
    let nonEmpty = 0;
    for (const q of queries) {
      for (const sort of ["relevance", "years"]) {
        const { indexed, scanned } = await both({ q, sort });
        expect(indexed, `${q} (${sort})`).toEqual(scanned);
        if (indexed.total > 0) nonEmpty += 1;
      }
    }
    expect(nonEmpty).toBeGreaterThan(queries.length);
    const { indexed } = await both({ q: "嘉善 律师", region: "330421", language: "wu" });
    expect(indexed).toEqual((await both({ q: "嘉善 律师", region: "330421", language: "wu" })).scanned);
  });

  it("still tests the substring exactly where the grams alone would match", async () => {
    const [nearMiss] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from experts where search_grams @> search_term_grams('abc')`),
    );
    expect(nearMiss!.n).toBe(1);
    expect((await both({ q: "abc" })).indexed.total).toBe(0);
    expect((await both({ q: "abxbc" })).indexed.total).toBe(1);
  });
});

/** The page and total now and as they were before the order read the routing profiles. */
const nowAndBeforeProfiles = async (query: Record<string, string>) => {
  const parsed = directoryQuerySchema.parse(query);
  return { now: comparableToBeforeProfiles(await searchDirectory(parsed)), before: await searchDirectoryBeforeProfiles(parsed) };
};
const orderings: Record<string, string>[] = [
  {},
  { sort: "years" },
  { sort: "rating" },
  { page: "2" },
  { page: "999" },
  { sort: "rating", page: "3", pageSize: "7" },
];

/** Every ordering of every query (and none) lists the same experts with the same figures and total as before. */
async function expectTheOrderAsBeforeProfiles(texts: (string | undefined)[]) {
  let rated = 0;
  for (const q of texts) {
    for (const ordering of orderings) {
      const query = { ...(q ? { q } : {}), ...ordering };
      const { now, before } = await nowAndBeforeProfiles(query);
      expect(now, JSON.stringify(query)).toEqual(before);
      rated += now.items.filter((item) => item.rating !== null).length;
    }
  }
  expect(rated).toBeGreaterThan(0);
}

describe("the track record from the routing profiles", () => {
  it("orders and counts as the requests' own figures did, over the demo world", async () => {
    await expectTheOrderAsBeforeProfiles([undefined, ...queries]);
  }, 120_000);
});

describe("the plan at scale", () => {
  beforeAll(async () => {
    await db.transaction((tx) => addCrowdOfExperts(tx, 3000));
    await db.execute(sql`analyze`);
  }, 120_000);

  it("looks the term up in the gram index (a bitmap index scan), and still agrees with the scan", async () => {
    for (const q of ["文博", "破产重整", "锦天城 嘉善"]) {
      const search = directorySearch(q)!;
      const query = db.select({ n: count() }).from(experts).where(and(hasCurrentAppointment(), search.where));
      const plan = rowsOf<Record<string, string>>(await db.execute(sql`explain ${query}`))
        .map((row) => Object.values(row)[0])
        .join("\n");
      expect(plan, q).toContain("Bitmap Index Scan on experts_search_grams_idx");
      const { indexed, scanned } = await both({ q });
      expect(indexed.total).toBeGreaterThan(0);
      expect(indexed).toEqual(scanned);
    }
  });

  it("orders and counts as the requests' own figures did over a larger roster with random track records", async () => {
    await db.transaction((tx) => addCrowdTrackRecords(tx, 2000));
    await expectTheOrderAsBeforeProfiles([undefined, "催收", "调解", "嘉善", "律师", "沈", "破产重整", "jiashan", "嘉善 催收"]);
  }, 120_000);

  it("reads a broad term's page and total in one statement, with no sequential scan of the experts", async () => {
    const parsed = directoryQuerySchema.parse({ q: "催收" });
    const { result, statements } = await statementsDuring(database(), () => searchDirectory(parsed));
    expect(result.total).toBeGreaterThan(1000);
    expect(statements.filter((s) => s.includes('from "experts"'))).toHaveLength(1);
  });

  it("finds what the search before the index found over the larger roster too", async () => {
    for (const q of queries) {
      const { indexed, scanned } = await both({ q });
      expect(indexed, q).toEqual(scanned);
    }
  });
});
