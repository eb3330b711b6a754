import { and, asc, eq, gt, isNotNull, lte, ne, notExists, notInArray } from "drizzle-orm";
import type { Tx } from "@/db";
import * as s from "@/db/schema";
import { todayInShanghai } from "@/lib/clock";

const HOUR = 3_600_000;

/**
 * A joint consultation (会诊) in the demo world: one case in progress, held by an expert other than
 * the demo expert, with two colleagues (current appointments, no declared conflicts) who accepted
 * the lead's invitation, a note from each, and the panel's opinion agreed by all three.
 */
export async function seedDemoPanel(tx: Tx, input: { now: Date; demoExpertId: string }) {
  const today = todayInShanghai(input.now);
  const [request] = await tx
    .select({ id: s.requests.id, leadId: s.requests.assignedExpertId, leadUserId: s.experts.userId })
    .from(s.requests)
    .innerJoin(s.experts, eq(s.experts.id, s.requests.assignedExpertId))
    .where(and(eq(s.requests.status, "in_progress"), isNotNull(s.requests.assignedExpertId), ne(s.requests.assignedExpertId, input.demoExpertId)))
    .orderBy(asc(s.requests.caseNumber))
    .limit(1);
  if (!request?.leadId) return;
  const members = await tx
    .select({ id: s.experts.id, userId: s.experts.userId, name: s.experts.name })
    .from(s.experts)
    .where(
      and(
        eq(s.experts.status, "active"),
        lte(s.experts.termStart, today),
        gt(s.experts.termEnd, today),
        notInArray(s.experts.id, [request.leadId, input.demoExpertId]),
        notExists(tx.select({ one: s.expertConflicts.expertId }).from(s.expertConflicts).where(eq(s.expertConflicts.expertId, s.experts.id))),
      ),
    )
    .orderBy(asc(s.experts.licenseNumber))
    .limit(2);
  if (members.length < 2) return;
  const invitedAt = new Date(input.now.getTime() - 48 * HOUR);
  for (const [i, m] of members.entries()) {
    const respondedAt = new Date(invitedAt.getTime() + (i + 2) * HOUR);
    await tx
      .insert(s.panelMembers)
      .values({ requestId: request.id, expertId: m.id, status: "accepted", invitedBy: request.leadUserId, invitedAt, respondedAt });
    await tx.insert(s.events).values([
      {
        type: "panel.invited",
        entityType: "request",
        entityId: request.id,
        requestId: request.id,
        actorUserId: request.leadUserId,
        actorRole: "expert",
        at: invitedAt,
        data: { expertId: m.id, expertName: m.name },
      },
      {
        type: "panel.accepted",
        entityType: "request",
        entityId: request.id,
        requestId: request.id,
        actorUserId: m.userId,
        actorRole: "expert",
        at: respondedAt,
        data: { expertId: m.id, expertName: m.name },
      },
    ]);
  }
  await tx.insert(s.caseNotes).values([
    {
      requestId: request.id,
      authorUserId: members[0]!.userId,
      body: "已审阅合同和对账单，建议先核对最后一次对账日期，确认诉讼时效。",
      createdAt: new Date(invitedAt.getTime() + 6 * HOUR),
    },
    {
      requestId: request.id,
      authorUserId: members[1]!.userId,
      body: "对方有调解意愿，可考虑申请人民调解并同步准备支付令材料。",
      createdAt: new Date(invitedAt.getTime() + 20 * HOUR),
    },
  ]);
  const recordedAt = new Date(invitedAt.getTime() + 30 * HOUR);
  const [opinion] = await tx
    .insert(s.panelOpinions)
    .values({
      requestId: request.id,
      body: "会诊意见：诉讼时效尚未届满。建议先发律师函并申请人民调解；调解不成，即申请支付令，同时对主要应收款采取财产保全。",
      recordedBy: request.leadUserId,
      recordedAt,
    })
    .returning({ id: s.panelOpinions.id });
  await tx
    .insert(s.panelOpinionMembers)
    .values([request.leadId, ...members.map((m) => m.id)].map((expertId) => ({ opinionId: opinion!.id, expertId })));
  await tx.insert(s.events).values({
    type: "panel.opinion",
    entityType: "request",
    entityId: request.id,
    requestId: request.id,
    actorUserId: request.leadUserId,
    actorRole: "expert",
    at: recordedAt,
    data: { opinionId: opinion!.id },
  });
}
