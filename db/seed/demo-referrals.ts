import { and, asc, eq, isNotNull, like, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import * as s from "@/db/schema";
import type { DisputeKind, PartyKind, ReferralBodyKind, RequestCategory, RequestStatus } from "@/lib/enums";
import { normalizeCompanyName } from "@/lib/names";
import { idNumberCheckCharacter, maskIdNumber } from "@/lib/referrals/id-number";
import { idNumberDigest } from "@/lib/referrals/id-number-digest";

const DAY = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

interface DemoReferral {
  title: string;
  category: RequestCategory;
  description: string;
  status: RequestStatus;
  ageDays: number;
  referredBy: { body: string; kind: ReferralBodyKind; contactName: string; contactPhone: string; reference: string | null };
  party: { name: string; kind: PartyKind; contactName: string; contactPhone: string; idFirst17?: string };
  counterparty: string;
  disputes: { kind: DisputeKind; claimedFen: bigint; recoveredFen: bigint }[];
  summary?: string;
}

const referrals: DemoReferral[] = [
  {
    title: "县信访局转办：农民工工资拖欠集体信访",
    category: "petition_backlog",
    description: "二十余名外来务工人员反映某建筑分包单位拖欠工资，多次到县信访局上访，县信访局转请法学会组织专家化解。",
    status: "closed",
    ageDays: 48,
    referredBy: { body: "嘉善县信访局", kind: "petitions", contactName: "沈科长", contactPhone: "0573-84012345", reference: "善信转〔2026〕17号" },
    party: { name: "某工地外来务工人员（23人）", kind: "group", contactName: "王建国", contactPhone: "13905731234" },
    counterparty: "嘉善某建筑劳务有限公司",
    disputes: [
      { kind: "labor", claimedFen: 86_400_000n, recoveredFen: 72_000_000n },
      { kind: "labor", claimedFen: 12_000_000n, recoveredFen: 12_000_000n },
    ],
    summary: "专家组织劳资双方三次调解，总包单位先行垫付，拖欠工资已基本兑付，信访人表示息访。",
  },
  {
    title: "魏塘街道转办：小区业主交房纠纷重大调解",
    category: "major_mediation",
    description: "某小区三百余户业主与开发商因延期交房和违约金发生纠纷，街道办事处转请法学会专家参与重大矛盾调处。",
    status: "in_progress",
    ageDays: 12,
    referredBy: { body: "嘉善县魏塘街道办事处", kind: "town", contactName: "陆主任", contactPhone: "0573-84023456", reference: null },
    party: { name: "某小区业主代表", kind: "group", contactName: "徐丽华", contactPhone: "13857312345" },
    counterparty: "嘉善某置业有限公司",
    disputes: [{ kind: "contract", claimedFen: 350_000_000n, recoveredFen: 0n }],
  },
  {
    title: "县人民法院诉前调解转办：个人借贷纠纷",
    category: "debt_collection",
    description: "县人民法院诉调对接中心转来一起个人与小微企业之间的借贷纠纷，请专家诉前调解。",
    status: "submitted",
    ageDays: 1,
    referredBy: {
      body: "嘉善县人民法院诉调对接中心",
      kind: "court",
      contactName: "周法官",
      contactPhone: "0573-84034567",
      reference: "（2026）浙0421诉前调1234号",
    },
    party: { name: "张伟", kind: "person", contactName: "张伟", contactPhone: "13705739876", idFirst17: "33042119800101123" },
    counterparty: "嘉善某五金加工厂",
    disputes: [],
  },
];

/**
 * Three cases referred by government bodies (转办): the county petitions bureau's wage arrears
 * (closed, with a ledger, so its reply letter has content), a street office's major mediation (in
 * progress) and a court's pre-litigation referral for a person (with a masked ID number), awaiting
 * triage. Filed by the demo admin in 嘉善县, the closed one handled by the demo expert.
 */
export async function seedDemoReferrals(tx: Tx, input: { now: Date; adminId: string; demoExpert: { id: string; userId: string } }) {
  const { now, adminId, demoExpert } = input;
  // A case still being handled goes to another of the district's experts: the demo expert's caseload
  // stays as the rest of the demo world (and its journeys) expect it.
  const [colleague] = await tx
    .select({ id: s.experts.id, userId: s.experts.userId })
    .from(s.experts)
    .where(
      and(ne(s.experts.id, demoExpert.id), eq(s.experts.status, "active"), like(s.experts.homeRegionCode, "330421%"), isNotNull(s.experts.userId)),
    )
    .orderBy(asc(s.experts.name))
    .limit(1);
  for (const r of referrals) {
    const live = r.status !== "resolved" && r.status !== "closed";
    const holder = live && colleague?.userId ? { id: colleague.id, userId: colleague.userId } : demoExpert;
    const submittedAt = new Date(now.getTime() - r.ageDays * DAY);
    const at = (days: number) => new Date(submittedAt.getTime() + days * DAY);
    const reached = (step: RequestStatus) => statusOrder.indexOf(r.status) >= statusOrder.indexOf(step);
    const idNumber = r.party.idFirst17 ? r.party.idFirst17 + idNumberCheckCharacter(r.party.idFirst17) : null;
    const [party] = await tx
      .insert(s.enterprises)
      .values({
        name: r.party.name,
        nameNormalized: normalizeCompanyName(r.party.name),
        regionCode: "330421",
        contactName: r.party.contactName,
        contactPhone: r.party.contactPhone,
        partyKind: r.party.kind,
        idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
        idNumberDigest: idNumber ? idNumberDigest(idNumber) : null,
      })
      .returning({ id: s.enterprises.id });
    const [request] = await tx
      .insert(s.requests)
      .values({
        title: r.title,
        category: r.category,
        description: r.description,
        status: r.status,
        urgency: r.status === "submitted" ? "urgent" : "normal",
        channel: "referral",
        regionCode: "330421",
        amountAtStakeFen: r.disputes.reduce((sum, d) => sum + d.claimedFen, 0n),
        enterpriseId: party!.id,
        filedByUserId: adminId,
        assignedExpertId: reached("accepted") ? holder.id : null,
        resolutionSummary: reached("resolved") ? (r.summary ?? null) : null,
        submittedAt,
        triagedAt: reached("triaged") ? at(0.2) : null,
        acceptedAt: reached("accepted") ? at(1) : null,
        resolvedAt: reached("resolved") ? at(30) : null,
        closedAt: r.status === "closed" ? at(33) : null,
        updatedAt: now,
      })
      .returning({ id: s.requests.id });
    const requestId = request!.id;
    await tx.insert(s.requestReferrals).values({ requestId, ...r.referredBy, createdAt: submittedAt });
    await tx.insert(s.requestCounterparties).values({ requestId, name: r.counterparty, nameNormalized: normalizeCompanyName(r.counterparty) });
    const event = (type: string, when: Date, actor: { id: string | null; role: string }) =>
      tx
        .insert(s.events)
        .values({ type, entityType: "request", entityId: requestId, requestId, actorUserId: actor.id, actorRole: actor.role, at: when });
    const admin = { id: adminId, role: "admin" };
    const expert = { id: holder.userId, role: "expert" };
    await event("request.submitted", submittedAt, admin);
    if (reached("triaged")) await event("request.triage", at(0.2), admin);
    if (reached("accepted")) await event("request.accept", at(1), expert);
    if (reached("in_progress")) await event("request.start", at(1.1), expert);
    for (const [i, d] of r.disputes.entries()) {
      const closed = reached("resolved");
      const [dispute] = await tx
        .insert(s.disputes)
        .values({
          requestId,
          counterpartyName: r.counterparty,
          kind: d.kind,
          claimedFen: d.claimedFen,
          status: closed ? "resolved" : "mediating",
          resolutionMethod: closed ? "mediation" : null,
          recoveredFen: d.recoveredFen,
          openedAt: at(2),
          closedAt: closed ? at(28) : null,
          createdBy: holder.userId,
        })
        .returning({ id: s.disputes.id });
      if (d.recoveredFen > 0n) {
        await tx.insert(s.recoveries).values({
          disputeId: dispute!.id,
          requestId,
          amountFen: d.recoveredFen,
          receivedOn: isoDate(at(20 + i)),
          method: "mediation",
          note: "工资专户转账凭证已核对",
          recordedBy: holder.userId,
        });
      }
    }
    if (reached("resolved")) await event("request.resolve", at(30), expert);
    if (r.status === "closed") await event("request.close", at(33), admin);
  }
}

const statusOrder: RequestStatus[] = ["submitted", "triaged", "offered", "accepted", "in_progress", "resolved", "closed"];
