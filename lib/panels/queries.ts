import { and, desc, eq, gt, inArray, lte } from "drizzle-orm";
import { db } from "@/db";
import { caseNotes, experts, panelMembers, panelOpinionMembers, panelOpinions, requests, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { isCaseReader, loadVisibleRequest } from "@/lib/requests/access";
import { loadCandidateFacts } from "@/lib/routing/candidate-rows";
import { loadRoutingRequest } from "@/lib/routing/load-routing-request";
import { rankEligible } from "@/lib/routing/candidates";
import { expertNameContains } from "@/lib/roster/search-sql";
import { isPanelWorker, PANEL_FORMING_STATUSES, PANEL_WORK_STATUSES } from "./panel-case";
import { MAX_PANEL_MEMBERS } from "./schemas";

const LIVE = ["invited", "accepted"] as const;
const noCandidates = { items: [] as { expertId: string; name: string; conflictParty: string | null }[], more: false };

/**
 * The joint-consultation panel (会诊) of a case, as the viewer may see it (404 when they may not see
 * the case). The lead, the members and the admins read every member, the notes (newest first) and
 * the opinions, and the lead and admins get the experts they may invite (inviteCandidates: the best
 * suited, or those found by `inviteSearch`); the company and the filing station read the accepted
 * members and the opinions; an expert merely invited reads only their invitation.
 */
export async function getCasePanel(actor: Actor, requestId: string, options: { inviteSearch?: string } = {}) {
  requirePermission(actor, "request.read");
  const request = await loadVisibleRequest(db, actor, requestId);
  const isLead = actor.role === "expert" && actor.expertId !== null && actor.expertId === request.assignedExpertId;
  const worker = await isPanelWorker(db, actor, request);
  const reader = worker || (await isCaseReader(db, actor, request));
  const canManage = (isLead || actor.role === "admin") && (PANEL_WORK_STATUSES as readonly string[]).includes(request.status);
  const open = (PANEL_WORK_STATUSES as readonly string[]).includes(request.status);
  const canInvite = canManage && (PANEL_FORMING_STATUSES as readonly string[]).includes(request.status);
  const rows = await db
    .select({
      id: panelMembers.id,
      expertId: panelMembers.expertId,
      name: experts.name,
      status: panelMembers.status,
      invitedAt: panelMembers.invitedAt,
      respondedAt: panelMembers.respondedAt,
      reason: panelMembers.reason,
    })
    .from(panelMembers)
    .innerJoin(experts, eq(experts.id, panelMembers.expertId))
    .where(eq(panelMembers.requestId, request.id))
    .orderBy(panelMembers.invitedAt, panelMembers.id);
  const mine = actor.expertId ? rows.filter((r) => r.expertId === actor.expertId && r.status === "invited").at(-1) : undefined;
  const invitation = mine ? { memberId: mine.id, invitedAt: mine.invitedAt } : null;
  if (!reader)
    return {
      request,
      leadName: null,
      members: [],
      notes: [],
      opinions: [],
      candidates: noCandidates,
      invitation,
      worker,
      open,
      canManage,
      canInvite,
      full: false,
    };
  const members = worker ? rows : rows.filter((r) => r.status === "accepted").map((r) => ({ ...r, reason: null }));
  const [lead] = request.assignedExpertId
    ? await db.select({ name: experts.name }).from(experts).where(eq(experts.id, request.assignedExpertId))
    : [];
  const [notes, opinions, candidates] = await Promise.all([
    worker ? listNotes(request.id) : Promise.resolve([]),
    listOpinions(request.id),
    canInvite ? inviteCandidates(request.id, request.assignedExpertId, rows, options.inviteSearch?.trim() ?? "") : Promise.resolve(noCandidates),
  ]);
  const live = rows.filter((r) => (LIVE as readonly string[]).includes(r.status)).length;
  return {
    request,
    leadName: lead?.name ?? null,
    members,
    notes,
    opinions,
    candidates,
    invitation,
    worker,
    open,
    canManage,
    canInvite,
    full: live >= MAX_PANEL_MEMBERS,
  };
}
export type CasePanel = Awaited<ReturnType<typeof getCasePanel>>;

/**
 * What a case's panel settled, for a letter about the case (the caller has checked access): the
 * members who joined, in the order invited, and the opinions with who agreed, newest first.
 */
export async function panelRecord(requestId: string) {
  const [members, opinions] = await Promise.all([
    db
      .select({ name: experts.name })
      .from(panelMembers)
      .innerJoin(experts, eq(experts.id, panelMembers.expertId))
      .where(and(eq(panelMembers.requestId, requestId), eq(panelMembers.status, "accepted")))
      .orderBy(panelMembers.invitedAt, panelMembers.id),
    listOpinions(requestId),
  ]);
  return { memberNames: members.map((m) => m.name), opinions };
}

function listNotes(requestId: string) {
  return db
    .select({ id: caseNotes.id, body: caseNotes.body, createdAt: caseNotes.createdAt, authorName: users.name, authorRole: users.role })
    .from(caseNotes)
    .innerJoin(users, eq(users.id, caseNotes.authorUserId))
    .where(eq(caseNotes.requestId, requestId))
    .orderBy(desc(caseNotes.createdAt), desc(caseNotes.id));
}

async function listOpinions(requestId: string) {
  const opinions = await db
    .select({ id: panelOpinions.id, body: panelOpinions.body, recordedAt: panelOpinions.recordedAt, recordedByName: users.name })
    .from(panelOpinions)
    .innerJoin(users, eq(users.id, panelOpinions.recordedBy))
    .where(eq(panelOpinions.requestId, requestId))
    .orderBy(desc(panelOpinions.recordedAt), desc(panelOpinions.id));
  const ids = opinions.map((o) => o.id);
  const agreed = ids.length
    ? await db
        .select({ opinionId: panelOpinionMembers.opinionId, name: experts.name })
        .from(panelOpinionMembers)
        .innerJoin(experts, eq(experts.id, panelOpinionMembers.expertId))
        .where(inArray(panelOpinionMembers.opinionId, ids))
    : [];
  return opinions.map((o) => ({ ...o, agreedNames: agreed.filter((a) => a.opinionId === o.id).map((a) => a.name) }));
}

/** How many experts the invite form offers at once. */
export const INVITE_CHOICES = 20;

/**
 * The experts the invite form offers (current appointments, less the lead and live members): without
 * a search, the best suited to the case as routing ranks them (a declared conflict rules an expert
 * out there); with one, those whose name contains it, a declared conflict shown as in the offer
 * list. At most INVITE_CHOICES either way, and whether there were more: the roster of a whole
 * region is far too long for one list.
 */
async function inviteCandidates(requestId: string, leadId: string | null, rows: { expertId: string; status: string }[], search: string) {
  const routing = await loadRoutingRequest(db, requestId);
  if (!routing) return { items: [], more: false };
  const taken = new Set([leadId, ...rows.filter((r) => (LIVE as readonly string[]).includes(r.status)).map((r) => r.expertId)]);
  if (!search) {
    const ranked = (await rankEligible(db, routing)).top(INVITE_CHOICES + taken.size + 1).filter((c) => !taken.has(c.expertId));
    const items = ranked.slice(0, INVITE_CHOICES).map((c) => ({ expertId: c.expertId, name: c.name ?? "", conflictParty: null }));
    return { items, more: ranked.length > INVITE_CHOICES };
  }
  const today = todayInShanghai();
  const named = await db
    .select({ id: experts.id })
    .from(experts)
    .where(and(eq(experts.status, "active"), lte(experts.termStart, today), gt(experts.termEnd, today), expertNameContains(search)))
    .orderBy(experts.name, experts.id)
    .limit(INVITE_CHOICES + taken.size + 1);
  const facts = named.length ? await loadCandidateFacts(db, routing, { kind: "some", expertIds: named.map((n) => n.id) }, today) : [];
  const found = facts
    .filter((f) => f.status === "active" && !taken.has(f.expertId))
    .map((f) => ({ expertId: f.expertId, name: f.name ?? "", conflictParty: f.conflictParty }))
    .sort((a, b) => Number(Boolean(a.conflictParty)) - Number(Boolean(b.conflictParty)) || a.name.localeCompare(b.name, "zh-CN"));
  return { items: found.slice(0, INVITE_CHOICES), more: found.length > INVITE_CHOICES };
}

/** The expert's own open panel invitations (会诊邀请), newest first, with the case and who invited them. */
export async function listPanelInvitations(actor: Actor) {
  if (actor.role !== "expert" || !actor.expertId) return [];
  return panelRowsOf(actor.expertId, "invited");
}

/** The cases the expert serves on as an accepted panel member, newest first. */
export async function listPanelCases(actor: Actor) {
  if (actor.role !== "expert" || !actor.expertId) return [];
  return panelRowsOf(actor.expertId, "accepted");
}

function panelRowsOf(expertId: string, status: "invited" | "accepted") {
  return db
    .select({
      memberId: panelMembers.id,
      requestId: requests.id,
      caseNumber: requests.caseNumber,
      title: requests.title,
      requestStatus: requests.status,
      invitedAt: panelMembers.invitedAt,
      invitedByName: users.name,
    })
    .from(panelMembers)
    .innerJoin(requests, eq(requests.id, panelMembers.requestId))
    .innerJoin(users, eq(users.id, panelMembers.invitedBy))
    .where(and(eq(panelMembers.expertId, expertId), eq(panelMembers.status, status)))
    .orderBy(desc(panelMembers.invitedAt))
    .limit(50);
}
