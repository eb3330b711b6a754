import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import * as s from "@/db/schema";
import type { DisputeStatus, RequestCategory, RequestStatus, ServiceMode } from "@/lib/enums";
import { requestCategories } from "@/lib/enums";
import { NO_PASSWORD_YET } from "@/lib/accounts/password-links";
import { hashToken } from "@/lib/auth/api-tokens";
import { hashPassword } from "@/lib/auth/password";
import { normalizeCompanyName } from "@/lib/names";
import {
  categorySpecialties,
  counterpartyNames,
  DEMO_INTEGRATION_TOKEN,
  DEMO_PASSWORD,
  demoAccounts,
  demoDistrictAdmins,
  enterpriseNames,
  expertPeople,
  makeCreditCode,
  requestTitles,
  zoneTowns,
} from "./demo-data";
import { seedDemoAppraisals } from "./demo-appraisals";
import { seedDemoPanel } from "./demo-panel";
import { seedDemoReferrals } from "./demo-referrals";
import { seedDemoRota } from "./demo-rota";
import { seedDemoTypicalCases } from "./demo-typical-cases";
import { seededRandom, type Random } from "./random";
import { specialtyRows } from "./specialties-data";

const DAY = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const addYears = (d: Date, years: number) => new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()));

// How many requests of each status the demo world holds (60 in all).
const statusPlan: [RequestStatus, number][] = [
  ["submitted", 6],
  ["returned", 3],
  ["rejected", 3],
  ["triaged", 4],
  ["offered", 6],
  ["accepted", 5],
  ["in_progress", 12],
  ["resolved", 6],
  ["closed", 12],
  ["withdrawn", 3],
];

interface ExpertRef {
  id: string;
  userId: string;
  specialties: string[];
  active: boolean;
}

async function seedExperts(tx: Tx, random: Random, passwordHash: string, now: Date, adminId: string): Promise<ExpertRef[]> {
  const specialtyCodes = specialtyRows.map((r) => r.code);
  const homes = [
    "330421",
    "330421",
    "330421",
    "330421001",
    "330421002",
    "330421102",
    "310118",
    "310118102",
    "320509",
    "320509105",
    "330402",
    "310115",
    "320505",
    "330106",
    "320102",
    "340104",
  ];
  const refs: ExpertRef[] = [];
  for (const [i, [name, title, organization]] of expertPeople.entries()) {
    const email = i === 0 ? demoAccounts.expert : `expert${String(i).padStart(2, "0")}@demo.example`;
    const status = i >= 30 && i <= 33 ? "pending" : i === 37 || i === 38 ? "suspended" : i === 39 ? "retired" : "active";
    const expired = i >= 34 && i <= 36;
    const specialties = i === 0 ? ["debt_collection", "contract"] : random.sample(specialtyCodes, random.int(1, 3));
    const home = i === 0 ? "330421" : random.pick(homes);
    const served = i === 0 ? ["330421"] : random.sample(["330421", "310118", "320509", "330400", "310000"], random.int(1, 3));
    let termStart: Date | null = null;
    if (status !== "pending") {
      termStart = expired
        ? new Date(now.getTime() - random.int(3 * 365 + 10, 3 * 365 + 200) * DAY)
        : i === 0
          ? new Date(now.getTime() - 300 * DAY)
          : i % 9 === 4
            ? new Date(now.getTime() - (3 * 365 - random.int(20, 80)) * DAY)
            : new Date(now.getTime() - random.int(10, 900) * DAY);
    }
    const [user] = await tx
      .insert(s.users)
      .values({ email, passwordHash, role: "expert", name, phone: `1390573${String(1000 + i)}` })
      .returning({ id: s.users.id });
    const [expert] = await tx
      .insert(s.experts)
      .values({
        userId: user!.id,
        status,
        name,
        title,
        organization,
        licenseNumber: `1330420${String(2010000000 + i * 7919)}`,
        phone: `1390573${String(1000 + i)}`,
        homeRegionCode: home,
        yearsOfPractice: i === 0 ? 18 : random.int(3, 32),
        bio:
          i === 0
            ? "长期服务嘉善县中小企业，擅长债权清收、买卖合同与担保纠纷，曾为一家集团企业化解 30 余起经济纠纷、追回欠款数百万元。"
            : `${organization}${title}，执业 ${random.int(3, 30)} 年，服务长三角示范区企业，熟悉${random.pick(["商事合同", "债权清收", "劳动用工", "知识产权", "公司治理", "矛盾调解"])}。`,
        languages:
          i === 0
            ? ["zh", "wu"]
            : random
                .sample(["zh", "wu", "sh", "en"], random.int(1, 3))
                .concat(["zh"])
                .filter((v, k, a) => a.indexOf(v) === k),
        serviceModes: (i === 0
          ? ["onsite", "booked", "visit", "online"]
          : random.sample(["onsite", "booked", "visit", "joint", "online"], random.int(1, 4))) as ServiceMode[],
        capacity: i === 0 ? 8 : random.int(3, 10),
        pausedUntil: i === 7 ? isoDate(new Date(now.getTime() + 20 * DAY)) : null,
        termStart: termStart ? isoDate(termStart) : null,
        termEnd: termStart ? isoDate(addYears(termStart, 3)) : null,
      })
      .returning({ id: s.experts.id });
    const expertId = expert!.id;
    await tx.insert(s.expertSpecialties).values(specialties.map((specialtyCode) => ({ expertId, specialtyCode })));
    await tx.insert(s.expertRegions).values(served.map((regionCode) => ({ expertId, regionCode })));
    if (termStart) {
      await tx.insert(s.appointments).values({
        expertId,
        termStart: isoDate(termStart),
        termEnd: isoDate(addYears(termStart, 3)),
        decidedBy: adminId,
        reason: "经审核，符合首席法律咨询专家聘任条件。",
      });
      await tx.insert(s.events).values({
        type: "expert.appointed",
        entityType: "expert",
        entityId: expertId,
        actorUserId: adminId,
        actorRole: "admin",
        reason: "经审核，符合聘任条件。",
        at: termStart,
      });
    }
    if (status === "suspended") {
      await tx.insert(s.events).values({
        type: "expert.suspended",
        entityType: "expert",
        entityId: expertId,
        actorUserId: adminId,
        actorRole: "admin",
        reason: "执业证年检未通过，暂停派单。",
      });
    }
    if (status === "pending") {
      await tx.insert(s.expertApplications).values({
        expertId,
        details: { references: "嘉善县司法局 张科长 0573-84000000", statement: "希望为示范区企业提供法律服务。", specialties, regions: served },
        submittedAt: new Date(now.getTime() - random.int(1, 20) * DAY),
      });
    }
    if (i === 0) {
      await tx.insert(s.expertConflicts).values({
        expertId,
        companyName: "嘉兴南湖百货有限公司",
        nameNormalized: normalizeCompanyName("嘉兴南湖百货有限公司"),
        note: "曾为该公司常年法律顾问",
      });
    }
    refs.push({ id: expertId, userId: user!.id, specialties, active: status === "active" && !expired && i !== 7 });
  }
  return refs;
}

/** A partner platform that files for people (a station integration account) and its known demo token. */
async function seedIntegrationAccount(tx: Tx, stationId: string, adminId: string): Promise<void> {
  const [platform] = await tx
    .insert(s.users)
    .values({
      email: demoAccounts.integration,
      passwordHash: NO_PASSWORD_YET,
      role: "station",
      name: "企业综合服务平台（接口）",
      stationId,
      integration: true,
    })
    .returning({ id: s.users.id });
  await tx.insert(s.apiTokens).values({
    name: "企业综合服务平台",
    tokenHash: hashToken(DEMO_INTEGRATION_TOKEN),
    prefix: DEMO_INTEGRATION_TOKEN.slice(0, 10),
    userId: platform!.id,
    createdBy: adminId,
  });
}

export async function seedDemoWorldInTx(tx: Tx, passwordHash: string, now = new Date()): Promise<void> {
  const random = seededRandom(20261129);
  const [admin] = await tx
    .insert(s.users)
    .values({ email: demoAccounts.admin, passwordHash, role: "admin", name: "法学会 陈主任", phone: "0573-84012348" })
    .returning({ id: s.users.id });
  const adminId = admin!.id;
  await tx.insert(s.users).values(demoDistrictAdmins.map((a) => ({ ...a, passwordHash, role: "admin" as const })));

  const stationRows = await tx
    .insert(s.stations)
    .values([
      {
        name: "罗星街道法律服务站",
        regionCode: "330421002",
        address: "嘉善县罗星街道亭桥北路 1 号",
        phone: "0573-84110001",
        hours: "周一至周五 8:30–11:30、13:30–17:00（法定节假日除外）",
      },
      {
        name: "大云镇法律服务站",
        regionCode: "330421102",
        address: "嘉善县大云镇大云中路 8 号",
        phone: "0573-84220002",
        hours: "周一至周五 9:00–16:30；每月第一个周六上午律师坐诊",
      },
      {
        name: "朱家角镇法律服务站",
        regionCode: "310118102",
        address: "青浦区朱家角镇祥凝浜路 69 号",
        phone: "021-59231234",
        hours: "周一至周五 9:00–17:00",
      },
      {
        name: "盛泽镇法律服务站",
        regionCode: "320509105",
        address: "吴江区盛泽镇市场东路 73 号",
        phone: "0512-63561234",
        hours: "周一至周五 8:30–17:00；周三下午专家坐诊",
      },
      {
        name: "嘉善县企业综合服务平台",
        regionCode: "330421",
        address: "嘉善县罗星街道体育南路 595 号",
        phone: "0573-84012348",
        hours: "线上 24 小时受理；电话 工作日 8:30–17:00",
      },
    ])
    .returning({ id: s.stations.id });
  const [station] = await tx
    .insert(s.users)
    .values({ email: demoAccounts.station, passwordHash, role: "station", name: "罗星服务站 小王", stationId: stationRows[0]!.id })
    .returning({ id: s.users.id });
  await tx
    .insert(s.users)
    .values({ email: "station2@demo.example", passwordHash, role: "station", name: "大云服务站 小李", stationId: stationRows[1]!.id });

  const enterpriseRefs: { id: string; userId: string; region: string; name: string }[] = [];
  for (const [i, name] of enterpriseNames.entries()) {
    const county = i >= 8 && i <= 9 ? "310118" : i >= 10 && i <= 12 ? "320509" : "330421";
    const region = random.pick(zoneTowns[county as keyof typeof zoneTowns]);
    const contact = random.pick(["张", "王", "李", "赵", "刘", "沈", "顾"]) + random.pick(["经理", "总", "会计", "主管"]);
    const [enterprise] = await tx
      .insert(s.enterprises)
      .values({
        name,
        nameNormalized: normalizeCompanyName(name),
        creditCode: makeCreditCode(random, county),
        regionCode: region,
        contactName: contact,
        contactPhone: `1380573${String(2000 + i)}`,
      })
      .returning({ id: s.enterprises.id });
    const email = i === 0 ? demoAccounts.enterprise : `enterprise${String(i).padStart(2, "0")}@demo.example`;
    const [user] = await tx
      .insert(s.users)
      .values({ email, passwordHash, role: "enterprise", name: contact, enterpriseId: enterprise!.id })
      .returning({ id: s.users.id });
    enterpriseRefs.push({ id: enterprise!.id, userId: user!.id, region, name });
  }
  await tx
    .insert(s.users)
    .values({ email: demoAccounts.enterpriseColleague, passwordHash, role: "enterprise", name: "财务 孙会计", enterpriseId: enterpriseRefs[0]!.id });
  await seedIntegrationAccount(tx, stationRows[4]!.id, adminId);

  const experts = await seedExperts(tx, random, passwordHash, now, adminId);
  const activeExperts = experts.filter((e) => e.active);
  const demoExpert = experts[0]!;

  let n = 0;
  for (const [status, count] of statusPlan) {
    for (let k = 0; k < count; k++, n++) {
      const enterprise = n % 4 === 0 ? enterpriseRefs[0]! : random.pick(enterpriseRefs);
      const viaStation = n % 6 === 5;
      const category: RequestCategory = n === 30 ? "debt_collection" : random.pick(requestCategories);
      const needs = categorySpecialties[category] ?? ["contract"];
      const ageDays = ["closed", "resolved"].includes(status)
        ? random.int(60, 520)
        : ["in_progress", "accepted"].includes(status)
          ? random.int(12, 200)
          : random.int(0, 30);
      const submittedAt = new Date(now.getTime() - ageDays * DAY - random.int(0, 20) * 3_600_000);
      const triagedAt = new Date(submittedAt.getTime() + random.int(2, 30) * 3_600_000);
      const acceptedAt = new Date(triagedAt.getTime() + random.int(1, 60) * 3_600_000);
      const resolvedAt = new Date(acceptedAt.getTime() + Math.max(1, ageDays - 10) * DAY * 0.7);
      const closedAt = new Date(resolvedAt.getTime() + random.int(1, 5) * DAY);
      const reached = (s: RequestStatus) =>
        statusOrder.indexOf(status) >= statusOrder.indexOf(s) && !["returned", "rejected", "withdrawn"].includes(status);
      const candidates = activeExperts.filter((e) => e.specialties.some((c) => needs.includes(c)));
      const assigned = reached("offered")
        ? n % 3 === 0 || category === "debt_collection"
          ? demoExpert
          : random.pick(candidates.length ? candidates : activeExperts)
        : null;
      const amountFen = BigInt(random.int(5, 500)) * 1_000_000n + BigInt(random.int(0, 99));
      const title = n === 30 ? "集团 30 余起经济纠纷集中化解" : random.pick(requestTitles[category] ?? ["法律咨询"]);
      const [request] = await tx
        .insert(s.requests)
        .values({
          title,
          category,
          description: `${enterprise.name}：${title}。涉及金额约 ${Number(amountFen / 100n).toLocaleString("zh-CN")} 元，已多次催告未果，希望专家协助。`,
          status,
          urgency: n % 7 === 0 ? "urgent" : "normal",
          channel: viaStation ? "station" : n % 11 === 3 ? "hotline" : "web",
          regionCode: enterprise.region,
          language: random.pick(["zh", "wu", null]),
          serviceMode: random.pick(["onsite", "booked", "visit", null] as const),
          amountAtStakeFen: amountFen,
          enterpriseId: enterprise.id,
          filedByUserId: viaStation ? station!.id : enterprise.userId,
          stationId: viaStation ? stationRows[0]!.id : null,
          assignedExpertId: reached("accepted") ? assigned!.id : null,
          statusReason:
            status === "returned"
              ? "请补充合同复印件和对账单。"
              : status === "rejected"
                ? "属于个人婚姻家事纠纷，不在本专家库受理范围。"
                : status === "withdrawn"
                  ? "双方已自行和解。"
                  : null,
          referral: status === "rejected" ? "县人民法院诉调对接中心" : null,
          resolutionSummary: reached("resolved") ? "经专家协调，对方确认欠款并分期履行，纠纷已全部化解。" : null,
          rating: status === "closed" ? random.int(3, 5) : null,
          ratingComment: status === "closed" ? random.pick(["专家很专业，效率高。", "帮我们追回了大部分货款，感谢！", "沟通及时。"]) : null,
          submittedAt,
          triagedAt: reached("triaged") ? triagedAt : null,
          acceptedAt: reached("accepted") ? acceptedAt : null,
          resolvedAt: reached("resolved") ? resolvedAt : null,
          closedAt: status === "closed" ? closedAt : null,
          updatedAt: now,
        })
        .returning({ id: s.requests.id });
      const requestId = request!.id;
      await tx.insert(s.requestSpecialties).values(needs.map((specialtyCode) => ({ requestId, specialtyCode })));
      const counterparties = random.sample(counterpartyNames, random.int(1, 3));
      await tx
        .insert(s.requestCounterparties)
        .values(counterparties.map((name) => ({ requestId, name, nameNormalized: normalizeCompanyName(name) })));

      const filer = viaStation ? { id: station!.id, role: "station" } : { id: enterprise.userId, role: "enterprise" };
      const event = (type: string, at: Date, actor: { id: string | null; role: string }, reason?: string) =>
        tx.insert(s.events).values({
          type,
          entityType: "request",
          entityId: requestId,
          requestId,
          actorUserId: actor.id,
          actorRole: actor.role,
          reason: reason ?? null,
          at,
        });
      const adminActor = { id: adminId, role: "admin" };
      await event("request.submitted", submittedAt, filer);
      if (status === "returned") await event("request.return", triagedAt, adminActor, "请补充合同复印件和对账单。");
      if (status === "rejected") await event("request.reject", triagedAt, adminActor, "不在本专家库受理范围，已引导至县人民法院诉调对接中心。");
      if (status === "withdrawn") await event("request.withdraw", triagedAt, filer, "双方已自行和解。");
      if (reached("triaged")) await event("request.triage", triagedAt, adminActor);

      if (assigned) {
        const offeredAt = new Date(triagedAt.getTime() + 3_600_000);
        if (n % 4 === 1 && reached("accepted")) {
          const decliner = random.pick(activeExperts.filter((e) => e.id !== assigned.id));
          await tx.insert(s.offers).values({
            requestId,
            expertId: decliner.id,
            status: "declined",
            rank: 1,
            score: 80,
            expiresAt: new Date(offeredAt.getTime() + 48 * 3_600_000),
            createdAt: offeredAt,
            answeredAt: new Date(offeredAt.getTime() + 5 * 3_600_000),
            declineReason: "capacity",
            declineNote: "近期案件已满。",
          });
          await event("offer.declined", new Date(offeredAt.getTime() + 5 * 3_600_000), { id: decliner.userId, role: "expert" }, "近期案件已满。");
        }
        const pending = status === "offered";
        await tx.insert(s.offers).values({
          requestId,
          expertId: assigned.id,
          status: pending ? "pending" : "accepted",
          rank: 1,
          score: random.int(70, 95),
          reasons: ["专业领域匹配", "同县服务"],
          expiresAt: pending ? new Date(now.getTime() + random.int(6, 40) * 3_600_000) : new Date(offeredAt.getTime() + 48 * 3_600_000),
          createdAt: pending ? new Date(now.getTime() - random.int(1, 8) * 3_600_000) : offeredAt,
          answeredAt: pending ? null : acceptedAt,
        });
        await event("request.offer", offeredAt, { id: null, role: "system" });
        if (!pending) await event("request.accept", acceptedAt, { id: assigned.userId, role: "expert" });
      }
      if (reached("in_progress")) await event("request.start", new Date(acceptedAt.getTime() + 3_600_000), { id: assigned!.userId, role: "expert" });
      if (reached("in_progress")) {
        const disputeCount = n === 30 ? 32 : random.int(1, 4);
        const allClosed = reached("resolved");
        for (let d = 0; d < disputeCount; d++) {
          const claimedFen = BigInt(random.int(2, 200)) * 500_000n + BigInt(random.int(0, 99));
          const dStatus: DisputeStatus = allClosed
            ? random.pick(["resolved", "resolved", "resolved", "unresolved", "withdrawn"] as const)
            : n === 30 && d < 21
              ? "resolved"
              : random.pick(["open", "negotiating", "mediating", "litigating", "enforcing", "resolved"] as const);
          const counterparty = random.pick(counterpartyNames);
          const closed = ["resolved", "unresolved", "withdrawn"].includes(dStatus);
          const openedAt = new Date(acceptedAt.getTime() + random.int(1, 5) * DAY);
          const closedAtD = closed ? new Date(Math.min(now.getTime() - DAY, openedAt.getTime() + random.int(10, 90) * DAY)) : null;
          let recovered = 0n;
          const [dispute] = await tx
            .insert(s.disputes)
            .values({
              requestId,
              counterpartyName: counterparty,
              kind: category === "lease_dispute" ? "rent" : category === "labor" ? "labor" : random.pick(["receivable", "contract"] as const),
              claimedFen,
              status: dStatus,
              resolutionMethod: dStatus === "resolved" ? random.pick(["negotiation", "mediation", "judgment"]) : null,
              openedAt,
              closedAt: closedAtD,
              createdBy: assigned!.userId,
            })
            .returning({ id: s.disputes.id });
          if (dStatus === "resolved" || dStatus === "enforcing") {
            const entries = random.int(1, 2);
            for (let e = 0; e < entries; e++) {
              const amount = (claimedFen * BigInt(random.int(30, 100))) / 100n / BigInt(entries);
              if (amount <= 0n) continue;
              const receivedOn = isoDate(new Date(Math.min(now.getTime() - DAY, openedAt.getTime() + random.int(5, 60) * DAY)));
              const [entry] = await tx
                .insert(s.recoveries)
                .values({
                  disputeId: dispute!.id,
                  requestId,
                  amountFen: amount,
                  receivedOn,
                  method: random.pick(["negotiation", "mediation", "judgment", "enforcement"] as const),
                  note: "银行转账回单已核对",
                  recordedBy: assigned!.userId,
                })
                .returning({ id: s.recoveries.id });
              recovered += amount;
              if (n === 31 && d === 0 && e === 0) {
                // One corrected mistake, so the demo ledger shows how reversals look.
                await tx.insert(s.recoveries).values({
                  disputeId: dispute!.id,
                  requestId,
                  amountFen: -amount,
                  receivedOn,
                  method: "other",
                  note: "冲正",
                  reason: "金额录入错误，已重新登记",
                  reversesId: entry!.id,
                  recordedBy: assigned!.userId,
                });
                await tx.insert(s.recoveries).values({
                  disputeId: dispute!.id,
                  requestId,
                  amountFen: amount,
                  receivedOn,
                  method: "negotiation",
                  note: "更正后重新登记",
                  recordedBy: assigned!.userId,
                });
              }
            }
          }
          if (recovered > 0n) {
            await tx.update(s.disputes).set({ recoveredFen: recovered }).where(eq(s.disputes.id, dispute!.id));
          }
        }
        await tx.insert(s.messages).values([
          {
            requestId,
            authorUserId: enterprise.userId,
            body: "您好，相关合同和对账单已整理好，什么时候方便面谈？",
            createdAt: new Date(acceptedAt.getTime() + 2 * 3_600_000),
          },
          {
            requestId,
            authorUserId: assigned!.userId,
            body: "收到，周三上午我在罗星街道服务站坐诊，可以当面沟通。",
            createdAt: new Date(acceptedAt.getTime() + 4 * 3_600_000),
          },
        ]);
      }
      if (reached("resolved")) await event("request.resolve", resolvedAt, { id: assigned!.userId, role: "expert" }, "纠纷已全部化解。");
      if (status === "closed") {
        await event("request.close", closedAt, { id: enterprise.userId, role: "enterprise" });
        if (n % 2 === 0) {
          await tx.insert(s.returnVisits).values({
            requestId,
            visitedOn: isoDate(new Date(closedAt.getTime() + 7 * DAY)),
            visitedBy: adminId,
            method: "phone",
            note: "企业对专家服务表示满意，款项已基本到位。",
            satisfaction: random.int(4, 5),
          });
        }
      }
      if (status === "offered" && assigned) {
        await tx.insert(s.notifications).values({ userId: assigned.userId, kind: "offer.new", requestId });
      }
    }
  }
  await tx.insert(s.notifications).values({ userId: enterpriseRefs[0]!.userId, kind: "request.status", requestId: null, data: { text: "welcome" } });
  await seedDemoRota(tx, { now, stationId: stationRows[0]!.id, plannerId: station!.id, demoExpert });
  await seedDemoAppraisals(tx, { now, adminId });
  await seedDemoPanel(tx, { now, demoExpertId: demoExpert.id });
  await seedDemoReferrals(tx, { now, adminId, demoExpert });
  await seedDemoTypicalCases(tx, { now, adminId });
}

const statusOrder: RequestStatus[] = ["submitted", "triaged", "offered", "accepted", "in_progress", "resolved", "closed"];

/** Seeds the demo world (the demo accounts of README.md, experts, enterprises, stations, 60 requests). */
export async function seedDemoWorld(database: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await database.transaction((tx) => seedDemoWorldInTx(tx, passwordHash));
}
