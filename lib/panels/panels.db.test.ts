import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postDisputes } from "@/app/api/v1/requests/[id]/disputes/route";
import { POST as postContact } from "@/app/api/v1/requests/[id]/contact/route";
import { POST as postHours } from "@/app/api/v1/requests/[id]/hours/route";
import { POST as postResolve } from "@/app/api/v1/requests/[id]/resolve/route";
import { POST as postRecovery } from "@/app/api/v1/disputes/[id]/recoveries/route";
import { GET as getRequest } from "@/app/api/v1/requests/[id]/route";
import { GET as getMessages, POST as postMessages } from "@/app/api/v1/requests/[id]/messages/route";
import { POST as invite } from "@/app/api/v1/requests/[id]/panel/route";
import { POST as acceptRoute } from "@/app/api/v1/panel-members/[id]/accept/route";
import { POST as declineRoute } from "@/app/api/v1/panel-members/[id]/decline/route";
import { POST as removeRoute } from "@/app/api/v1/panel-members/[id]/remove/route";
import { db } from "@/db";
import { disputes, events, notifications, panelMembers, panelOpinionMembers, requests } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { createDispute } from "@/lib/disputes/create-dispute";
import { listMessages } from "@/lib/requests/queries";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor, createStationActor } from "@/test/fixtures";
import { putOnPanel } from "@/test/panel-fixtures";
import { fileAs, moveTo } from "@/test/request-fixtures";
import { declareConflict, enterpriseOf } from "@/test/routing-fixtures";
import { addCaseNote } from "./add-note";
import { acceptPanelInvitation, declinePanelInvitation } from "./answer-invitation";
import { invitePanelMember } from "./invite-member";
import { getCasePanel, INVITE_CHOICES, listPanelCases, listPanelInvitations } from "./queries";
import { recordPanelOpinion } from "./record-opinion";
import { removePanelMember } from "./remove-member";
import { reassignCase } from "@/lib/routing/reassign-case";
import { INVITE_SEARCH_MAX, inviteSearchParam, MAX_PANEL_MEMBERS } from "./schemas";

/** Joint consultations (会诊): who invites whom, answering once, what a member reads and may not do, the panel's opinion. */
useTestDatabase();

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const tokens = new Map<Actor, string>();
async function call(handler: Handler, actor: Actor, path: string, id: string, body?: unknown) {
  if (!tokens.has(actor)) tokens.set(actor, await bearerFor(actor));
  const headers: Record<string, string> = { authorization: `Bearer ${tokens.get(actor)}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await handler(
    new Request(`http://localhost/api/v1/${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown> & { error?: { message: string; fields?: Record<string, string> } },
  };
}
const inviteAs = (actor: Actor, requestId: string, expert: Actor) =>
  call(invite, actor, `requests/${requestId}/panel`, requestId, { expertId: expert.expertId });

let enterprise: Actor, admin: Actor, otherAdmin: Actor, station: Actor;
beforeAll(async () => {
  enterprise = await createEnterpriseActor();
  admin = await createAdminActor("330421");
  otherAdmin = await createAdminActor("310118");
  station = await createStationActor();
});

async function ledCase(status: "accepted" | "in_progress" = "accepted") {
  const lead = await createExpertActor();
  const requestId = await fileAs(enterprise);
  await moveTo(requestId, status, lead);
  return { lead, requestId };
}

describe("inviting a panel member", () => {
  it("the lead invites an appointed expert: 201, the invitee is told and sees the case as an offer shows it", async () => {
    const { lead, requestId } = await ledCase();
    const invitee = await createExpertActor();
    const answer = await inviteAs(lead, requestId, invitee);
    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({ memberId: expect.any(String), status: "invited" });
    const told = await db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, invitee.userId));
    expect(told.map((n) => n.kind)).toContain("panel.invited");
    expect((await call(getRequest, invitee, `requests/${requestId}`, requestId)).status).toBe(200);
    // …but not the conversation, until they accept
    expect((await call(getMessages, invitee, `requests/${requestId}/messages`, requestId)).status).toBe(404);
    expect((await listPanelInvitations(invitee)).map((i) => i.requestId)).toEqual([requestId]);
    const [event] = await db
      .select({ data: events.data })
      .from(events)
      .where(and(eq(events.requestId, requestId), eq(events.type, "panel.invited")));
    expect(event?.data).toMatchObject({ expertId: invitee.expertId });
  });

  it("an admin of the case's district invites; another district's admin gets 404; the company, a station and a member are refused", async () => {
    const { requestId, lead } = await ledCase("in_progress");
    expect((await inviteAs(admin, requestId, await createExpertActor())).status).toBe(201);
    expect((await inviteAs(otherAdmin, requestId, await createExpertActor())).status).toBe(404);
    expect((await inviteAs(enterprise, requestId, await createExpertActor())).status).toBe(403);
    expect((await inviteAs(station, requestId, await createExpertActor())).status).toBe(403);
    const member = await createExpertActor();
    await putOnPanel(requestId, member, lead, "accepted");
    expect((await inviteAs(member, requestId, await createExpertActor())).status).toBe(403);
    // an expert with nothing to do with the case does not see it
    expect((await inviteAs(await createExpertActor(), requestId, await createExpertActor())).status).toBe(404);
  });

  it("refuses an expert without a current appointment (422), the lead (422), a conflict of interest (409) and a case not being worked on (409)", async () => {
    const { lead, requestId } = await ledCase();
    const lapsed = await createExpertActor({ termStart: "2019-01-01", termYears: 3 });
    const suspended = await createExpertActor({ status: "suspended" });
    for (const expert of [lapsed, suspended]) {
      const answer = await inviteAs(lead, requestId, expert);
      expect(answer.status).toBe(422);
      expect(answer.json.error?.fields?.expertId).toBeTruthy();
    }
    expect((await inviteAs(lead, requestId, lead)).status).toBe(422);
    const conflicted = await createExpertActor();
    const company = await enterpriseOf(enterprise);
    await declareConflict(conflicted, company.name);
    const refused = await inviteAs(lead, requestId, conflicted);
    expect(refused.status).toBe(409);
    expect(refused.json.error?.message).toContain(company.name);
    await db.update(requests).set({ status: "closed" }).where(eq(requests.id, requestId));
    expect((await inviteAs(lead, requestId, await createExpertActor())).status).toBe(409);
    expect(await db.select().from(panelMembers).where(eq(panelMembers.requestId, requestId))).toEqual([]);
  });

  it("a live member again is 409; after a decline they may be invited again; the panel is capped", async () => {
    const { lead, requestId } = await ledCase();
    const expert = await createExpertActor();
    const first = await inviteAs(lead, requestId, expert);
    expect((await inviteAs(lead, requestId, expert)).status).toBe(409);
    await declinePanelInvitation(expert, first.json.memberId as string, "出差");
    expect((await inviteAs(lead, requestId, expert)).status).toBe(201);
    for (let i = 1; i < MAX_PANEL_MEMBERS; i++) expect((await inviteAs(lead, requestId, await createExpertActor())).status).toBe(201);
    const full = await inviteAs(lead, requestId, await createExpertActor());
    expect(full.status).toBe(409);
  });

  it("two invitations of the same expert at once: one is made, the other is 409", async () => {
    const { lead, requestId } = await ledCase();
    const expert = await createExpertActor();
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => invitePanelMember(lead, requestId, { expertId: expert.expertId! })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await db.select().from(panelMembers).where(eq(panelMembers.requestId, requestId))).toHaveLength(1);
  });
});

describe("whom the invite form offers", () => {
  it("the best suited to the case, at most a page of them, never the lead, a live member or a conflicted expert", async () => {
    const { lead, requestId } = await ledCase();
    const member = await createExpertActor();
    expect((await inviteAs(lead, requestId, member)).status).toBe(201);
    const conflicted = await createExpertActor();
    await declareConflict(conflicted, (await enterpriseOf(enterprise)).name);
    // more experts who fit the case than one list holds
    await Promise.all(Array.from({ length: INVITE_CHOICES + 1 }, () => createExpertActor()));
    const { candidates } = await getCasePanel(lead, requestId);
    expect(candidates.items).toHaveLength(INVITE_CHOICES);
    expect(candidates.more).toBe(true);
    const offered = candidates.items.map((c) => c.expertId);
    for (const left of [lead, member, conflicted]) expect(offered).not.toContain(left.expertId);
    expect(new Set(offered).size).toBe(offered.length);
  });

  it("by name: those with a current appointment whose name contains the text, a conflict shown; nobody else", async () => {
    const { lead, requestId } = await ledCase();
    const tag = `甄${Date.now().toString(36)}`;
    const named = await Promise.all(["甲", "乙", "丙"].map((n) => createExpertActor({ name: `${tag}${n}` })));
    const conflicted = await createExpertActor({ name: `${tag}丁` });
    const company = await enterpriseOf(enterprise);
    await declareConflict(conflicted, company.name);
    await createExpertActor({ name: `${tag}戊`, status: "suspended" });
    await createExpertActor({ name: `${tag}己`, termStart: "2019-01-01", termYears: 3 });
    await createExpertActor({ name: `别人${Date.now().toString(36)}` });
    expect((await inviteAs(lead, requestId, named[2]!)).status).toBe(201);
    const { candidates } = await getCasePanel(admin, requestId, { inviteSearch: ` ${tag.toUpperCase()} ` });
    expect(candidates).toEqual({
      items: [
        { expertId: named[0]!.expertId, name: `${tag}甲`, conflictParty: null },
        { expertId: named[1]!.expertId, name: `${tag}乙`, conflictParty: null },
        { expertId: conflicted.expertId, name: `${tag}丁`, conflictParty: company.name },
      ],
      more: false,
    });
    const none = await getCasePanel(admin, requestId, { inviteSearch: "没有这个名字" });
    expect(none.candidates).toEqual({ items: [], more: false });
    // the company and a member see no candidates at all
    expect((await getCasePanel(enterprise, requestId, { inviteSearch: tag })).candidates.items).toEqual([]);
  });

  it("takes the page's parameter trimmed and cut short, and anything but text as no search", () => {
    expect(inviteSearchParam.parse("  张三 ")).toBe("张三");
    expect(inviteSearchParam.parse("名".repeat(100))).toHaveLength(INVITE_SEARCH_MAX);
    expect(inviteSearchParam.parse(["a", "b"])).toBe("");
    expect(inviteSearchParam.parse(undefined)).toBe("");
  });
});

describe("answering an invitation", () => {
  it("only the invited expert answers (others 404), once, and the lead and inviter are told", async () => {
    const { lead, requestId } = await ledCase();
    const invitee = await createExpertActor();
    const { memberId } = await invitePanelMember(admin, requestId, { expertId: invitee.expertId! });
    expect((await call(acceptRoute, await createExpertActor(), `panel-members/${memberId}/accept`, memberId, {})).status).toBe(404);
    expect((await call(acceptRoute, lead, `panel-members/${memberId}/accept`, memberId, {})).status).toBe(404);
    expect((await call(acceptRoute, admin, `panel-members/${memberId}/accept`, memberId, {})).status).toBe(403);
    const accepted = await call(acceptRoute, invitee, `panel-members/${memberId}/accept`, memberId, {});
    expect(accepted).toEqual({ status: 200, json: { memberId, status: "accepted" } });
    expect((await call(declineRoute, invitee, `panel-members/${memberId}/decline`, memberId, {})).status).toBe(409);
    expect((await call(acceptRoute, invitee, `panel-members/${memberId}/accept`, memberId, {})).status).toBe(409);
    for (const who of [lead, admin]) {
      const told = await db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, who.userId));
      expect(told.map((n) => n.kind)).toContain("panel.accepted");
    }
    expect((await listPanelCases(invitee)).map((c) => c.requestId)).toEqual([requestId]);
  });

  it("accept and decline at once: exactly one answer wins", async () => {
    for (let round = 0; round < 3; round++) {
      const { lead, requestId } = await ledCase();
      const invitee = await createExpertActor();
      const memberId = await putOnPanel(requestId, invitee, lead);
      const outcomes = await Promise.allSettled([
        acceptPanelInvitation(invitee, memberId),
        declinePanelInvitation(invitee, memberId, "忙"),
        acceptPanelInvitation(invitee, memberId),
        declinePanelInvitation(invitee, memberId),
      ]);
      const won = outcomes.filter((o) => o.status === "fulfilled");
      expect(won).toHaveLength(1);
      const [row] = await db.select({ status: panelMembers.status }).from(panelMembers).where(eq(panelMembers.id, memberId));
      expect(row?.status).toBe((won[0] as PromiseFulfilledResult<{ status: string }>).value.status);
      const answers = await db
        .select()
        .from(events)
        .where(and(eq(events.requestId, requestId)));
      expect(answers.filter((e) => e.type === "panel.accepted" || e.type === "panel.declined")).toHaveLength(1);
    }
  });

  it("a declined invitation records the reason and the case is no longer visible to the expert", async () => {
    const { lead, requestId } = await ledCase();
    const invitee = await createExpertActor();
    const memberId = await putOnPanel(requestId, invitee, lead);
    expect((await call(declineRoute, invitee, `panel-members/${memberId}/decline`, memberId, { reason: "当天开庭" })).json).toEqual({
      memberId,
      status: "declined",
    });
    const [row] = await db.select({ reason: panelMembers.reason }).from(panelMembers).where(eq(panelMembers.id, memberId));
    expect(row?.reason).toBe("当天开庭");
    expect((await call(getRequest, invitee, `requests/${requestId}`, requestId)).status).toBe(404);
  });
});

describe("what a member does on the case", () => {
  let lead: Actor, member: Actor, requestId: string, disputeId: string;
  beforeAll(async () => {
    ({ lead, requestId } = await ledCase("in_progress"));
    member = await createExpertActor();
    await putOnPanel(requestId, member, lead, "accepted");
    disputeId = (await createDispute(lead, requestId, { counterpartyName: "某物流公司", kind: "contract", claimedFen: 250_000n })).id;
  });

  it("reads the case, its messages and posts a message the parties are told of", async () => {
    expect((await call(getRequest, member, `requests/${requestId}`, requestId)).status).toBe(200);
    const posted = await call(postMessages, member, `requests/${requestId}/messages`, requestId, { body: "建议补充送货单。" });
    expect(posted.status).toBe(201);
    expect((await listMessages(lead, requestId)).map((m) => m.body)).toContain("建议补充送货单。");
    const told = await db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, lead.userId));
    expect(told.map((n) => n.kind)).toContain("message.new");
  });

  it("adds a note the lead and admins read, newest first; the company and a station never see notes", async () => {
    await addCaseNote(member, requestId, "第一条备注");
    await addCaseNote(lead, requestId, "第二条备注");
    await addCaseNote(admin, requestId, "第三条备注");
    expect((await getCasePanel(lead, requestId)).notes.map((n) => n.body)).toEqual(["第三条备注", "第二条备注", "第一条备注"]);
    expect((await getCasePanel(member, requestId)).notes).toHaveLength(3);
    const company = await getCasePanel(enterprise, requestId);
    expect(company.notes).toEqual([]);
    expect(company.members.map((m) => m.expertId)).toEqual([member.expertId]);
    await expect(addCaseNote(enterprise, requestId, "企业备注")).rejects.toMatchObject({ code: "forbidden" });
    await expect(addCaseNote(station, requestId, "服务站备注")).rejects.toMatchObject({ code: "forbidden" });
  });

  it("is refused disputes, money, contacts, hours and resolving, and never holds the case", async () => {
    const body = { counterparty: { name: "某贸易公司" }, kind: "contract", claimedFen: 10_000 };
    expect((await call(postDisputes, member, `requests/${requestId}/disputes`, requestId, body)).status).toBe(404);
    const recovery = { amountFen: 1_000, receivedOn: "2026-01-05", method: "mediation" };
    expect((await call(postRecovery, member, `disputes/${disputeId}/recoveries`, disputeId, recovery)).status).toBe(404);
    const contact = { at: new Date().toISOString(), method: "phone" };
    expect((await call(postContact, member, `requests/${requestId}/contact`, requestId, contact)).status).toBe(403);
    const hours = { workedOn: todayInShanghai(), minutes: 60 };
    expect((await call(postHours, member, `requests/${requestId}/hours`, requestId, hours)).status).toBe(403);
    expect((await call(postResolve, member, `requests/${requestId}/resolve`, requestId, { summary: "已解决" })).status).toBe(404);
    await expect(invitePanelMember(member, requestId, { expertId: (await createExpertActor()).expertId! })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(recordPanelOpinion(member, requestId, { body: "意见", agreedExpertIds: [] })).rejects.toMatchObject({ code: "forbidden" });
    const [row] = await db.select({ assigned: requests.assignedExpertId, status: requests.status }).from(requests).where(eq(requests.id, requestId));
    expect(row).toEqual({ assigned: lead.expertId, status: "in_progress" });
    expect(await db.select().from(disputes).where(eq(disputes.requestId, requestId))).toHaveLength(1);
  });

  it("a member removed no longer reads the case", async () => {
    const { lead: otherLead, requestId: other } = await ledCase();
    const memberId = await putOnPanel(other, member, otherLead, "accepted");
    expect((await call(getMessages, member, `requests/${other}/messages`, other)).status).toBe(200);
    await removePanelMember(otherLead, other, memberId, "案件方向调整");
    expect((await call(getRequest, member, `requests/${other}`, other)).status).toBe(404);
  });

  it("is taken off by the lead through the API once (200, then 409); the member is told", async () => {
    const { lead: otherLead, requestId: other } = await ledCase();
    const seat = await createExpertActor();
    const memberId = await putOnPanel(other, seat, otherLead, "accepted");
    const removed = await call(removeRoute, otherLead, `panel-members/${memberId}/remove`, memberId, { reason: "案件方向调整" });
    expect(removed).toEqual({ status: 200, json: { memberId, status: "removed" } });
    expect((await call(removeRoute, otherLead, `panel-members/${memberId}/remove`, memberId, {})).status).toBe(409);
    const told = await db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, seat.userId));
    expect(told.map((n) => n.kind)).toContain("panel.removed");
  });

  it("is not made the lead by a reassignment while on the panel (409, nothing changes); once removed, they may be", async () => {
    const { lead: otherLead, requestId: other } = await ledCase("in_progress");
    const seat = await createExpertActor();
    const memberId = await putOnPanel(other, seat, otherLead, "accepted");
    await expect(reassignCase(admin, other, { reason: "原承办专家出差", expertId: seat.expertId! })).rejects.toMatchObject({
      status: 409,
      messageKey: "routing.reasons.excluded.panelMember",
    });
    const [still] = await db.select({ status: requests.status, lead: requests.assignedExpertId }).from(requests).where(eq(requests.id, other));
    expect(still).toEqual({ status: "in_progress", lead: otherLead.expertId });
    await removePanelMember(admin, other, memberId, "改任承办专家");
    const moved = await reassignCase(admin, other, { reason: "原承办专家出差", expertId: seat.expertId! });
    expect(moved.next).toMatchObject({ offerId: expect.any(String) });
  });
});

describe("the panel's opinion", () => {
  it("is recorded with the members who agreed (the lead counts), on the timeline, several over time", async () => {
    const { lead, requestId } = await ledCase();
    const [a, b, invited] = [await createExpertActor(), await createExpertActor(), await createExpertActor()];
    await putOnPanel(requestId, a, lead, "accepted");
    await putOnPanel(requestId, b, lead, "accepted");
    await putOnPanel(requestId, invited, lead);
    const first = await recordPanelOpinion(lead, requestId, { body: "建议先行调解。", agreedExpertIds: [a.expertId!, b.expertId!] });
    const agreed = await db
      .select({ expertId: panelOpinionMembers.expertId })
      .from(panelOpinionMembers)
      .where(eq(panelOpinionMembers.opinionId, first.id));
    expect(agreed.map((r) => r.expertId).sort()).toEqual([lead.expertId, a.expertId, b.expertId].sort());
    await expect(recordPanelOpinion(lead, requestId, { body: "意见", agreedExpertIds: [invited.expertId!] })).rejects.toMatchObject({
      code: "invalid_input",
    });
    await recordPanelOpinion(admin, requestId, { body: "调解未果，建议起诉。", agreedExpertIds: [a.expertId!] });
    const panel = await getCasePanel(enterprise, requestId);
    expect(panel.opinions.map((o) => [o.body, o.agreedNames.length])).toEqual([
      ["调解未果，建议起诉。", 2],
      ["建议先行调解。", 3],
    ]);
    const timeline = await db
      .select({ type: events.type })
      .from(events)
      .where(and(eq(events.requestId, requestId), eq(events.type, "panel.opinion")));
    expect(timeline).toHaveLength(2);
    await expect(recordPanelOpinion(otherAdmin, requestId, { body: "意见", agreedExpertIds: [] })).rejects.toMatchObject({ code: "not_found" });
  });
});
