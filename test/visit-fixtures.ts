import type { Actor } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { answerVisit } from "@/lib/visits/answer-visit";
import { planVisit } from "@/lib/visits/plan-visit";
import { recordFindings } from "@/lib/visits/record-findings";
import { addDays } from "@/lib/roster/term";

/** The parties of a visit: the company's member, the visiting expert, and the admin who plans it. */
export interface VisitParties {
  enterprise: Actor;
  expert: Actor;
  admin: Actor;
}

/**
 * A visit to the company of `parties.enterprise` by `parties.expert`, planned by the admin
 * `inDays` days from today (China time): proposed, or confirmed by the company when asked.
 */
export async function aVisit(parties: VisitParties, options: { inDays?: number; confirmed?: boolean; purpose?: string } = {}): Promise<string> {
  const { id } = await planVisit(parties.admin, parties.enterprise.enterpriseId!, {
    expertId: parties.expert.expertId!,
    visitOn: addDays(todayInShanghai(), options.inDays ?? 7),
    purpose: options.purpose ?? "法治体检：合同管理和用工合规",
  });
  if (options.confirmed) await answerVisit(parties.enterprise, id, { decision: "confirmed" });
  return id;
}

/** A visit done today, with one finding that needs work and one that does not: the first finding's id. */
export async function aFindingNeedingWork(parties: VisitParties): Promise<{ visitId: string; findingId: string; otherFindingId: string }> {
  const visitId = await aVisit(parties, { inDays: 0, confirmed: true });
  const { findings } = await recordFindings(parties.expert, visitId, {
    summary: "合同管理基本规范，用工存在风险。",
    findings: [
      { finding: "劳动合同缺少竞业限制和保密条款", recommendation: "补签保密协议，重要岗位约定竞业限制", needsWork: true },
      { finding: "合同台账完整", recommendation: "", needsWork: false },
    ],
  });
  return { visitId, findingId: findings[0]!.id, otherFindingId: findings[1]!.id };
}
