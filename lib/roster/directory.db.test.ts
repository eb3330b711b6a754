import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getExperts } from "@/app/api/v1/experts/route";
import { database, db } from "@/db";
import { experts, requests } from "@/db/schema";
import { useTestDatabase } from "@/test/database";
import { createEnterpriseActor, createExpertActor, type ExpertOptions } from "@/test/fixtures";
import { planOf, statementsDuring } from "@/test/statement-count";
import { getPublicProfile, searchDirectory } from "./queries/experts";
import { directoryQuerySchema } from "./schemas";

useTestDatabase();

const ids: Record<string, string> = {};

async function expert(key: string, options: ExpertOptions, profile: Partial<typeof experts.$inferInsert>) {
  const actor = await createExpertActor(options);
  await db.update(experts).set(profile).where(eq(experts.id, actor.expertId!));
  ids[key] = actor.expertId!;
}

const search = (query: Record<string, string>) => searchDirectory(directoryQuerySchema.parse(query));
const found = async (query: Record<string, string>) => (await search(query)).items.map((i) => i.id);

beforeAll(async () => {
  await expert(
    "shen",
    {
      name: "沈文博",
      specialties: ["debt_collection", "contract"],
      regions: ["330421"],
      languages: ["zh", "wu"],
      serviceModes: ["onsite", "online"],
    },
    {
      organization: "浙江嘉善正道律师事务所",
      bio: "擅长欠款催收和买卖合同纠纷。",
      yearsOfPractice: 18,
    },
  );
  await expert(
    "gu",
    { name: "顾晓琳", specialties: ["ecommerce"], regions: ["310118102"], languages: ["zh", "sh"], serviceModes: ["booked"] },
    {
      organization: "上海青浦汇通律师事务所",
      bio: "熟悉直播电商和平台规则。",
      yearsOfPractice: 6,
    },
  );
  await expert(
    "lu",
    { name: "陆建国", specialties: ["mediation"], regions: ["330400"], languages: ["zh"], serviceModes: ["visit"] },
    {
      organization: "嘉兴市人民调解委员会",
      bio: "长期从事债权清收调解。",
      yearsOfPractice: 25,
    },
  );
  await expert(
    "percent",
    { name: "百分号%律师", specialties: ["ip"], regions: ["320509"], serviceModes: ["joint"] },
    { organization: "江苏吴江明理律师事务所", yearsOfPractice: 9 },
  );
  await expert("suspended", { name: "沈暂停", status: "suspended" }, { organization: "浙江嘉善正道律师事务所" });
  await expert("pending", { name: "沈待审", status: "pending", termStart: null }, { organization: "浙江嘉善正道律师事务所" });
  await expert("expired", { name: "沈过期", termStart: "2020-01-01", termYears: 3 }, { organization: "浙江嘉善正道律师事务所" });
  // Ratings: two closed cases for 顾 (5 and 4), one for 陆 (3); one resolved-but-unrated for 沈.
  const enterprise = await createEnterpriseActor();
  const rated = [
    [ids.gu, "closed", 5],
    [ids.gu, "closed", 4],
    [ids.lu, "closed", 3],
    [ids.shen, "resolved", null],
  ] as const;
  for (const [expertId, status, rating] of rated) {
    await db.insert(requests).values({
      enterpriseId: enterprise.enterpriseId!,
      filedByUserId: enterprise.userId,
      title: "评分用案件",
      category: "debt_collection",
      description: "测试",
      amountAtStakeFen: 100n,
      regionCode: "330421",
      channel: "web",
      status,
      assignedExpertId: expertId,
      rating,
    });
  }
});

describe("the public directory", () => {
  it("lists only experts with a current appointment", async () => {
    const all = await found({ pageSize: "100" });
    expect(all).toEqual(expect.arrayContaining([ids.shen, ids.gu, ids.lu, ids.percent]));
    for (const hidden of [ids.suspended, ids.pending, ids.expired]) expect(all).not.toContain(hidden);
    expect(await getPublicProfile(ids.expired!)).toBeNull();
    expect(await getPublicProfile("not-a-uuid")).toBeNull();
  });

  it("matches Chinese words and partial names in name, organisation and bio", async () => {
    expect(await found({ q: "嘉善" })).toEqual([ids.shen]);
    expect(await found({ q: "沈文" })).toEqual([ids.shen]);
    expect(await found({ q: "直播" })).toEqual([ids.gu]);
    // 催收 also finds 清收 (same service, other word), the exact word ranked first.
    expect(await found({ q: "催收" })).toEqual([ids.shen, ids.lu]);
    expect(await found({ q: "嘉善 催收" })).toEqual([ids.shen]);
    // Full-width input and English specialty names work too.
    expect(await found({ q: "ｅｃｏｍｍｅｒｃｅ" })).toEqual([]);
    expect(await found({ q: "E-commerce" })).toEqual([ids.gu]);
    // A served region's name, in either language.
    expect(await found({ q: "jiashan" })).toEqual([ids.shen]);
  });

  it("treats % and _ in a query as themselves", async () => {
    expect(await found({ q: "%" })).toEqual([ids.percent]);
    expect(await found({ q: "_" })).toEqual([]);
  });

  it("filters by specialty, language and service mode", async () => {
    expect(await found({ specialty: "ecommerce" })).toEqual([ids.gu]);
    expect(await found({ language: "wu" })).toEqual([ids.shen]);
    expect(await found({ mode: "visit" })).toEqual([ids.lu]);
  });

  it("filters by region, a district including its towns and a city covering its districts", async () => {
    // 顾 serves a town of 青浦区: in 青浦区 and in 上海市.
    expect(await found({ region: "310118" })).toEqual([ids.gu]);
    expect(await found({ region: "310000" })).toEqual([ids.gu]);
    // 陆 serves all of 嘉兴市, so also 嘉善县 and its towns; 沈 serves 嘉善县.
    expect((await found({ region: "330421" })).sort()).toEqual([ids.shen, ids.lu].sort());
    expect((await found({ region: "330421102" })).sort()).toEqual([ids.shen, ids.lu].sort());
    expect(await found({ region: "320509" })).toEqual([ids.percent]);
  });

  it("sorts by years of practice and by rating, with aggregates only", async () => {
    expect((await found({ sort: "years" })).slice(0, 2)).toEqual([ids.lu, ids.shen]);
    const byRating = await search({ sort: "rating" });
    expect(byRating.items.slice(0, 2).map((i) => i.id)).toEqual([ids.gu, ids.lu]);
    expect(byRating.items[0]).toMatchObject({ rating: 4.5, ratingCount: 2, casesResolved: 2 });
    const shen = byRating.items.find((i) => i.id === ids.shen)!;
    expect(shen).toMatchObject({ rating: null, casesResolved: 1 });
  });

  it("re-orders at once when an expert's years of practice change", async () => {
    expect((await found({ sort: "years" })).slice(0, 2)).toEqual([ids.lu, ids.shen]);
    await db.update(experts).set({ yearsOfPractice: 30 }).where(eq(experts.id, ids.shen!));
    expect((await found({ sort: "years" })).slice(0, 2)).toEqual([ids.shen, ids.lu]);
    await db.update(experts).set({ yearsOfPractice: 18 }).where(eq(experts.id, ids.shen!));
    expect((await found({ sort: "years" })).slice(0, 2)).toEqual([ids.lu, ids.shen]);
  });

  it("reads a page of each order through its index, without sorting the roster", async () => {
    for (const sort of ["relevance", "years", "rating"] as const) {
      const { statements, parameters } = await statementsDuring(database(), () => search({ sort, page: "2", pageSize: "2" }));
      const page = statements.findIndex((text) => text.includes("limit"));
      const plan = await planOf(statements[page]!, parameters[page]!, { withoutSeqScans: true });
      const index = {
        relevance: "expert_routing_profiles_directory_idx",
        years: "expert_routing_profiles_directory_years_idx",
        rating: "expert_routing_profiles_directory_rating_idx",
      }[sort];
      expect(plan).toContain(`Index Scan using ${index}`);
      expect(plan).not.toMatch(/Sort/);
    }
  });

  it("pages the list", async () => {
    const first = await search({ page: "1", pageSize: "2" });
    const second = await search({ page: "2", pageSize: "2" });
    expect(first.total).toBe(4);
    expect(first.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(4);
  });

  it("answers the API in the list shape, and a bad filter with 422", async () => {
    const response = await getExperts(new Request("http://localhost/api/v1/experts?q=%E5%98%89%E5%96%84&pageSize=5"));
    const body = (await response.json()) as { items: Record<string, unknown>[]; page: number; pageSize: number; total: number };
    expect(body).toMatchObject({ page: 1, pageSize: 5, total: 1 });
    expect(Object.keys(body.items[0]!)).not.toEqual(expect.arrayContaining(["licenseNumber"]));
    expect(body.items[0]).not.toHaveProperty("phone");
    const bad = await getExperts(new Request("http://localhost/api/v1/experts?mode=teleport"));
    expect(bad.status).toBe(422);
  });
});
