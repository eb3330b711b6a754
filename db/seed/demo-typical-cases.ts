import { sql } from "drizzle-orm";
import { rowsOf, type Tx } from "@/db";
import * as s from "@/db/schema";

const DAY = 86_400_000;

// Written already anonymised: no company, counterparty or person of the case is named.
const texts = [
  {
    titleZh: "三年货款一月追回：专家促成分期还款",
    titleEn: "Three years of unpaid invoices recovered in a month",
    storyZh:
      "某纺织企业向某公司供货多年，对方以资金紧张为由拖欠货款近三年。首席法律咨询专家接案后梳理了送货单和对账记录，约见双方负责人，促成分期还款协议，并约定逾期加速到期。一个月内首期款项到账，其余款项按期履行。",
    storyEn:
      "A textile company had supplied another company for years, and had gone unpaid for nearly three years. The chief legal counsel put the delivery notes and statements in order, met both sides and brokered an instalment agreement with an acceleration clause. The first instalment arrived within a month; the rest followed on time.",
  },
  {
    titleZh: "调解化解租赁纠纷，企业免于停产",
    titleEn: null,
    storyZh:
      "某企业租用的厂房被出租方以欠租为由要求腾退，企业面临停产。专家查明欠租系双方对租金调整条款理解不一所致，组织双方调解，重新核定租金并补签协议，企业得以继续经营，出租方收回全部欠款。",
    storyEn: null,
  },
  {
    titleZh: "合同纠纷经协商解决，双方恢复合作",
    titleEn: "A contract dispute settled by negotiation; the parties work together again",
    storyZh: "某公司与合作方因交货质量发生争议，专家审查合同后提出折价方案，双方协商一致，款项结清并恢复合作。",
    storyEn:
      "Two companies fell out over the quality of a delivery. The counsel reviewed the contract and proposed a price reduction; both agreed, the account was settled and they resumed business.",
  },
];

/**
 * The demo world's typical cases: two published and one draft, each drafted from a closed demo
 * request with resolved disputes and money recovered. The figures are read from the ledger exactly
 * as lib/typical-cases reads them (disputes resolved; the ledger's sum, net of reversals).
 */
export async function seedDemoTypicalCases(tx: Tx, input: { now: Date; adminId: string }): Promise<void> {
  const candidates = rowsOf<{ id: string; closed_at: Date; resolved: number; recovered: string }>(
    await tx.execute(sql`
      select r.id, r.closed_at,
        (select count(*)::int from disputes d where d.request_id = r.id and d.status = 'resolved') as resolved,
        (select coalesce(sum(x.amount_fen), 0)::text from recoveries x where x.request_id = r.id) as recovered
      from requests r
      where r.status = 'closed'
      order by r.case_number`),
  ).filter((c) => c.resolved > 0 && BigInt(c.recovered) > 0n);
  const chosen = candidates.slice(0, texts.length);
  for (const [i, request] of chosen.entries()) {
    const text = texts[i]!;
    const published = i < 2;
    const createdAt = new Date(input.now.getTime() - (10 - i * 3) * DAY);
    const [row] = await tx
      .insert(s.typicalCases)
      .values({
        requestId: request.id,
        status: published ? "published" : "draft",
        ...text,
        companyConsent: false,
        disputesResolved: request.resolved,
        recoveredFen: BigInt(request.recovered),
        createdBy: input.adminId,
        createdAt,
        updatedAt: createdAt,
        publishedAt: published ? new Date(createdAt.getTime() + DAY) : null,
        publishedBy: published ? input.adminId : null,
      })
      .returning({ id: s.typicalCases.id });
    const event = (type: string, at: Date) =>
      tx.insert(s.events).values({
        type,
        entityType: "request",
        entityId: request.id,
        requestId: request.id,
        actorUserId: input.adminId,
        actorRole: "admin",
        at,
        data: { typicalCaseId: row!.id },
      });
    await event("request.typical_case_drafted", createdAt);
    if (published) await event("request.typical_case_published", new Date(createdAt.getTime() + DAY));
  }
}
