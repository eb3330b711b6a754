/**
 * `npx tsx scripts/matching-demo.ts` — the candidate list for a 直播带货 request filed with no
 * specialty, on a fresh in-memory demo world: before (the category ignored: every expert fits "all
 * of none") and after (the category's specialties, category_specialties). Prints the top 5 of each.
 */
import { PGlite } from "@electric-sql/pglite";
import { eq } from "drizzle-orm";
import { pgliteDatabase, setDatabase } from "@/db";
import { prepareDatabase } from "@/db/prepare";
import { experts, users } from "@/db/schema";
import { loadActor } from "@/lib/auth/actor";
import { getBoss } from "@/lib/jobs/queue";
import { currentTime, todayInShanghai } from "@/lib/clock";
import { fileRequest } from "@/lib/requests/file-request";
import { triageRequest } from "@/lib/requests/triage-request";
import { loadCandidateFacts } from "@/lib/routing/candidate-rows";
import { explainCandidate, listCandidates, rankFacts } from "@/lib/routing/candidates";
import { exclusionOf } from "@/lib/routing/exclusions";
import { loadRoutingRequest } from "@/lib/routing/load-routing-request";
import { reasonText } from "@/lib/routing/reasons";
import { getRoutingSettings } from "@/lib/routing/weights";
import { translator } from "@/lib/i18n/translate";

const database = pgliteDatabase(new PGlite());
setDatabase(database);
await prepareDatabase(database, { seedDemo: true });
// Filing and triage notify and schedule: the job queue must be running (PGlite has one connection).
const boss = await getBoss(database);
const { db } = database;
const idOf = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
const company = (await loadActor(await idOf("enterprise@demo.example")))!;
const admin = (await loadActor(await idOf("admin@demo.example")))!;

const filed = await fileRequest(company, {
  title: "直播带货平台结算纠纷",
  category: "ecommerce",
  specialties: [],
  description: "与直播带货平台的货款结算发生争议，平台以退货率为由扣留结算款。",
  counterparties: [{ name: "杭州某直播科技有限公司" }],
  urgency: "normal",
  regionCode: "330421002",
  amountAtStakeFen: 38_000_000n,
});
await triageRequest(admin, filed.id, { decision: "accept" });

const names = new Map((await db.select({ id: experts.id, name: experts.name }).from(experts)).map((e) => [e.id, e.name]));
const zh = translator("zh-CN");
const now = currentTime();
const today = todayInShanghai(now);
const request = (await loadRoutingRequest(db, filed.id))!;
const settings = await getRoutingSettings();

// Before: the request as routing saw it until now (no specialties, the category ignored).
const old = { ...request, specialties: [], specialtiesFromCategory: false };
const facts = await loadCandidateFacts(db, old, { kind: "all" }, today);
const eligible = facts.filter((f) => !exclusionOf(old, f, today));
const before = Array.from(rankFacts(old, eligible, settings, now), (c) => ({ c, specialties: c.facts.specialties }));
console.log(`BEFORE (category ignored): ${before.length} candidates`);
for (const { c, specialties } of before.slice(0, 5)) {
  const explained = explainCandidate(old, c, settings, now);
  console.log(`  ${c.rank}. ${names.get(c.expertId)} [${specialties.join(",")}] score ${explained.score}`);
}
const scores = new Set(before.map(({ c }) => Math.round(c.exact)));
console.log(`  distinct rounded scores among all: ${scores.size}`);

const after = await listCandidates(admin, filed.id);
console.log(`AFTER (category ecommerce implies [${request.specialties.join(",")}]): ${after.ranked.length} candidates`);
for (const c of after.ranked.slice(0, 5)) {
  const f = facts.find((x) => x.expertId === c.expertId)!;
  console.log(`  ${c.rank}. ${names.get(c.expertId)} [${f.specialties.join(",")}] score ${c.score}`);
  console.log(`     ${c.reasons.map((r) => reasonText(zh, "zh-CN", r)).join("；")}`);
}
await boss.stop({ graceful: false, wait: true });
await database.close();
