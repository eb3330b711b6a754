import { and, desc, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db, rowsOf } from "@/db";
import { events, experts, notifications, offers, requests, specialties } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { setClock } from "@/lib/clock";
import { drainJobs } from "@/lib/jobs/queue";
import { useTestDatabase } from "@/test/database";
import { createAdminActor, createEnterpriseActor, createExpertActor, type ExpertOptions } from "@/test/fixtures";
import { createTriagedRequest, declareConflict, enterpriseOf, type TriagedRequestOptions } from "@/test/routing-fixtures";
import { retireExpert } from "@/lib/roster/retire-expert";
import { suspendExpert } from "@/lib/roster/suspend-expert";
import { acceptOffer } from "./accept-offer";
import { listCandidates, rankEligible } from "./candidates";
import { CANDIDATES_MAX } from "./schemas";
import { declineOffer } from "./decline-offer";
import { expireDueOffers, expireOffer } from "./expire-offers";
import { loadRoutingRequest } from "./load-routing-request";
import { reassignCase } from "./reassign-case";
import { remindOffer } from "./remind-offer";
import { routeRequest } from "./route-request";
import { skipExpert } from "./skip-expert";
import { withdrawOffer } from "./withdraw-offer";

useTestDatabase();
afterEach(() => setClock(null));

/** Stops the domain's clock at the present moment, so deadlines can be checked to the millisecond. */
function stopClock(): Date {
  const at = new Date();
  setClock(at);
  return at;
}

let n = 0;
/** A specialty of this test's own, so experts made by other tests are never candidates. */
async function freshSpecialty(): Promise<string> {
  n += 1;
  const code = `t_${Date.now().toString(36)}_${n}`;
  await db.insert(specialties).values({ code, nameZh: code, nameEn: code });
  return code;
}

async function world(expertOptions: ExpertOptions[], requestOptions: TriagedRequestOptions = {}) {
  const specialty = await freshSpecialty();
  const admin = await createAdminActor();
  const enterprise = await createEnterpriseActor();
  const team: Actor[] = [];
  for (const options of expertOptions) team.push(await createExpertActor({ specialties: [specialty], ...options }));
  const requestId = await createTriagedRequest(enterprise, { specialties: [specialty], ...requestOptions });
  return { specialty, admin, enterprise, team, requestId };
}

const pendingOffer = async (requestId: string) => {
  const [offer] = await db
    .select()
    .from(offers)
    .where(and(eq(offers.requestId, requestId), eq(offers.status, "pending")));
  return offer;
};
const requestRow = async (id: string) => (await db.select().from(requests).where(eq(requests.id, id)))[0]!;
const eventTypes = async (requestId: string) =>
  (await db.select({ type: events.type }).from(events).where(eq(events.requestId, requestId)).orderBy(events.id)).map((e) => e.type);

describe("candidates", () => {
  it("ranks the fitting experts and says why each of the others is excluded", async () => {
    const { admin, enterprise, team, requestId } = await world(
      [
        { name: "同县专家", homeRegionCode: "330421" },
        { name: "示范区专家", homeRegionCode: "310118", regions: ["310118"] },
        { name: "外省专家", homeRegionCode: "340104", regions: ["340104"] },
        { name: "冲突专家" },
        { name: "信用代码冲突" },
        { name: "暂停专家", status: "suspended" },
        { name: "休假专家", pausedUntil: "2999-01-01" },
        { name: "满负荷专家", capacity: 0 },
      ],
      { counterparties: [{ name: "嘉兴某贸易有限公司" }] },
    );
    // The same company written with a space and with full-width brackets.
    await declareConflict(team[3]!, "嘉兴某贸易 有限公司");
    await declareConflict(team[4]!, "另一个名字（嘉兴）有限公司", (await enterpriseOf(enterprise)).creditCode);
    const otherSpecialty = await createExpertActor({ specialties: ["ip"], name: "知识产权专家" });

    const result = await listCandidates(admin, requestId);
    expect(result.ranked.map((c) => c.name)).toEqual(["同县专家", "示范区专家", "外省专家"]);
    expect(result.ranked[0]!.reasons.map((r) => r.code)).toContain("region.sameCounty");
    expect(result.ranked[1]!.reasons.map((r) => r.code)).toContain("region.zone");
    const why = Object.fromEntries(result.excluded.map((e) => [e.name, e.why.code]));
    expect(why).toMatchObject({
      冲突专家: "excluded.conflict",
      信用代码冲突: "excluded.conflict",
      暂停专家: "excluded.suspended",
      休假专家: "excluded.paused",
      满负荷专家: "excluded.atCapacity",
      知识产权专家: "excluded.noSpecialty",
    });
    expect(result.excluded.find((e) => e.expertId === otherSpecialty.expertId)).toBeDefined();
  });

  it("ranks the same experts in the same order on the fast path routing uses", async () => {
    const { admin, team, requestId } = await world(
      [
        { homeRegionCode: "330421" },
        { homeRegionCode: "310118", regions: ["310118"], capacity: 2 },
        { status: "suspended" },
        { homeRegionCode: "340104", regions: ["340104"] },
        { capacity: 0 },
      ],
      { language: "wu", serviceMode: "online" },
    );
    await declareConflict(team[3]!, "杭州锦程贸易有限公司");
    const first = await routeRequest(admin, requestId, {});
    await declineOffer(team.find((e) => e.expertId === first.expertId)!, first.offerId, { reason: "capacity" });
    const request = (await loadRoutingRequest(db, requestId))!;
    const shown = await listCandidates(admin, requestId);
    const fast = await rankEligible(db, request);
    expect(Array.from(fast, (c) => [c.expertId, c.exact])).toEqual(shown.ranked.map((c) => [c.expertId, c.exact]));
    expect(shown.ranked.length + shown.excluded.length).toBeGreaterThanOrEqual(team.length);
  });

  it("is not found for an admin whose region does not cover the request", async () => {
    const { requestId } = await world([{}]);
    const scoped = await createAdminActor("310118");
    await expect(listCandidates(scoped, requestId)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("routing and the cascade", () => {
  it("offers to the best candidate with a deadline, notifies the expert and schedules the expiry", async () => {
    const { admin, team, requestId } = await world([{ homeRegionCode: "330421" }, { homeRegionCode: "340104", regions: ["340104"] }]);
    const at = stopClock();
    const offer = await routeRequest(admin, requestId, {});
    expect(offer.expertId).toBe(team[0]!.expertId);
    expect(offer.expiresAt.getTime() - at.getTime()).toBe(48 * 3_600_000);
    expect((await requestRow(requestId)).status).toBe("offered");
    expect(await eventTypes(requestId)).toEqual(["request.offer"]);
    const [step] = await db.select({ data: events.data }).from(events).where(eq(events.requestId, requestId));
    expect(step!.data).toMatchObject({
      to: "offered",
      offerId: offer.offerId,
      expertId: offer.expertId,
      rank: 1,
      manual: false,
      reasons: expect.any(Array),
    });
    const [note] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, team[0]!.userId), eq(notifications.kind, "offer.new")));
    expect(note?.requestId).toBe(requestId);
    const jobs = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from pgboss.job where name = 'routing.expire-offer' and data->>'offerId' = ${offer.offerId}`),
    );
    expect(jobs[0]?.n).toBe(1);
    // a second routing while the offer is pending changes nothing
    await expect(routeRequest(admin, requestId, {})).rejects.toMatchObject({ code: "conflict" });
  });

  it("gives urgent requests the shorter deadline", async () => {
    const { admin, requestId } = await world([{}], { urgency: "urgent" });
    const at = stopClock();
    const offer = await routeRequest(admin, requestId, {});
    expect(offer.expiresAt.getTime() - at.getTime()).toBe(12 * 3_600_000);
  });

  it("moves to the next candidate on a decline, and back to the admin queue when the list is exhausted", async () => {
    const { admin, team, requestId } = await world([{ homeRegionCode: "330421" }, { homeRegionCode: "340104", regions: ["340104"] }]);
    const first = await routeRequest(admin, requestId, {});
    const declined = await declineOffer(team[0]!, first.offerId, { reason: "capacity", note: "本月已满" });
    expect(declined.nextExpertId).toBe(team[1]!.expertId);
    const second = await pendingOffer(requestId);
    expect(second?.expertId).toBe(team[1]!.expertId);

    await declineOffer(team[1]!, second!.id, { reason: "expertise" });
    const flagged = await requestRow(requestId);
    expect(flagged).toMatchObject({ status: "triaged", needsAttention: true });
    const [alert] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, admin.userId), eq(notifications.kind, "request.needs_attention")));
    expect(alert?.requestId).toBe(requestId);
    // both experts are now excluded with the reason
    const { ranked, excluded } = await listCandidates(admin, requestId);
    expect(ranked).toEqual([]);
    const mine = excluded.filter((e) => team.some((m) => m.expertId === e.expertId));
    expect(mine.map((e) => e.why.code)).toEqual(["excluded.declinedHere", "excluded.declinedHere"]);
  });

  it("expires an unanswered offer at its deadline and offers the next candidate; expiring again does nothing", async () => {
    const { admin, team, requestId } = await world([{ homeRegionCode: "330421" }, { homeRegionCode: "340104", regions: ["340104"] }]);
    const past = new Date(Date.now() - 3 * 86_400_000);
    const first = await routeRequest(admin, requestId, {}, { now: past });
    expect(await expireOffer(first.offerId)).toBe(true);
    expect(await expireOffer(first.offerId)).toBe(false);
    expect((await pendingOffer(requestId))?.expertId).toBe(team[1]!.expertId);
    expect(await eventTypes(requestId)).toContain("offer.expired");
  });

  it("never accepts an offer past its deadline, even when the deadline job has not run", async () => {
    const { admin, team, requestId } = await world([{}]);
    const offer = await routeRequest(admin, requestId, {}, { now: new Date(Date.now() - 49 * 3_600_000) });
    await expect(acceptOffer(team[0]!, offer.offerId)).rejects.toMatchObject({ code: "conflict", messageKey: "routing.errors.offerExpired" });
    expect((await pendingOffer(requestId))?.id).toBe(offer.offerId);
    expect((await requestRow(requestId)).assignedExpertId).toBeNull();
    // the sweep then expires it and, with no one left, flags the request
    expect(await expireDueOffers()).toBe(1);
    expect(await requestRow(requestId)).toMatchObject({ status: "triaged", needsAttention: true });
  });

  it("reminds the expert before the deadline while the offer is unanswered, and not after", async () => {
    const { admin, team, requestId } = await world([{}]);
    const offer = await routeRequest(admin, requestId, {});
    expect(await remindOffer(offer.offerId)).toBe(true);
    const reminders = () =>
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, team[0]!.userId), eq(notifications.kind, "offer.deadline")));
    expect(await reminders()).toHaveLength(1);
    await acceptOffer(team[0]!, offer.offerId);
    expect(await remindOffer(offer.offerId)).toBe(false);
    expect(await reminders()).toHaveLength(1);
  });

  it("runs the expiry job only once the deadline has passed", async () => {
    const { admin, requestId } = await world([{}]);
    await routeRequest(admin, requestId, {});
    await drainJobs("routing.expire-offer");
    expect(await pendingOffer(requestId)).toBeDefined();
  });

  it("accepts: the request is the expert's, the filer is told, and the offer cannot be answered again", async () => {
    const { admin, enterprise, team, requestId } = await world([{}]);
    const offer = await routeRequest(admin, requestId, {});
    expect(await acceptOffer(team[0]!, offer.offerId)).toEqual({ requestId, status: "accepted" });
    expect(await requestRow(requestId)).toMatchObject({ status: "accepted", assignedExpertId: team[0]!.expertId });
    await expect(acceptOffer(team[0]!, offer.offerId)).rejects.toMatchObject({ code: "conflict" });
    await expect(declineOffer(team[0]!, offer.offerId, { reason: "capacity" })).rejects.toMatchObject({ code: "conflict" });
    const [note] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, enterprise.userId), eq(notifications.kind, "request.assigned")));
    expect(note).toBeDefined();
  });

  it("keeps an offer to another expert out of reach: 404, nothing changes", async () => {
    const { admin, requestId } = await world([{}]);
    const offer = await routeRequest(admin, requestId, {});
    const stranger = await createExpertActor();
    await expect(acceptOffer(stranger, offer.offerId)).rejects.toMatchObject({ code: "not_found" });
    await expect(declineOffer(stranger, offer.offerId, { reason: "other", note: "x" })).rejects.toMatchObject({ code: "not_found" });
    expect((await pendingOffer(requestId))?.id).toBe(offer.offerId);
  });

  it("refuses an acceptance that would take the expert over capacity", async () => {
    const { admin, team, requestId } = await world([{ capacity: 1 }]);
    const offer = await routeRequest(admin, requestId, {});
    // capacity lowered after the offer went out
    await db.update(experts).set({ capacity: 0 }).where(eq(experts.id, team[0]!.expertId!));
    await expect(acceptOffer(team[0]!, offer.offerId)).rejects.toMatchObject({ code: "conflict", messageKey: "routing.errors.atCapacity" });
    expect((await pendingOffer(requestId))?.id).toBe(offer.offerId);
  });
});

describe("admin overrides", () => {
  it("pins an expert, refuses to pin an excluded one with the reason, and records who chose", async () => {
    const { admin, team, requestId } = await world([
      { homeRegionCode: "330421" },
      { homeRegionCode: "340104", regions: ["340104"] },
      { status: "suspended" },
    ]);
    await expect(routeRequest(admin, requestId, { expertId: team[2]!.expertId! })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "routing.reasons.excluded.suspended",
    });
    const offer = await routeRequest(admin, requestId, { expertId: team[1]!.expertId! });
    const [row] = await db.select().from(offers).where(eq(offers.id, offer.offerId));
    expect(row).toMatchObject({ expertId: team[1]!.expertId, isManual: true, offeredBy: admin.userId, rank: 2 });
  });

  it("skips an expert: the skip is on the timeline and the expert is no longer a candidate", async () => {
    const { admin, team, requestId } = await world([{ homeRegionCode: "330421" }, { homeRegionCode: "340104", regions: ["340104"] }]);
    await skipExpert(admin, requestId, { expertId: team[0]!.expertId!, reason: "近期投诉较多" });
    const offer = await routeRequest(admin, requestId, {});
    expect(offer.expertId).toBe(team[1]!.expertId);
    // the file's earlier experts come first in the list (by reason), so ask for all of it
    const { excluded } = await listCandidates(admin, requestId, { limit: CANDIDATES_MAX });
    expect(excluded.find((e) => e.expertId === team[0]!.expertId)?.why.code).toBe("excluded.skipped");
  });

  it("withdraws a pending offer with a reason and moves on to the next candidate", async () => {
    const { admin, team, requestId } = await world([{ homeRegionCode: "330421" }, { homeRegionCode: "340104", regions: ["340104"] }]);
    const first = await routeRequest(admin, requestId, {});
    const result = await withdrawOffer(admin, first.offerId, { reason: "联系不上" });
    expect(result.next?.expertId).toBe(team[1]!.expertId);
    await expect(acceptOffer(team[0]!, first.offerId)).rejects.toMatchObject({ messageKey: "routing.errors.offerWithdrawn" });
    await expect(withdrawOffer(admin, first.offerId, { reason: "again" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("reassigns an accepted case: the earlier expert is told, the next one is offered it", async () => {
    const { admin, team, requestId } = await world([{ homeRegionCode: "330421" }, { homeRegionCode: "340104", regions: ["340104"] }]);
    const first = await routeRequest(admin, requestId, {});
    await acceptOffer(team[0]!, first.offerId);
    const result = await reassignCase(admin, requestId, { reason: "专家长期未跟进" });
    expect(result.fromExpertId).toBe(team[0]!.expertId);
    expect(result.next?.expertId).toBe(team[1]!.expertId);
    expect(await requestRow(requestId)).toMatchObject({ status: "offered", assignedExpertId: null });
    const [note] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, team[0]!.userId), eq(notifications.kind, "request.reassigned")));
    expect(note).toBeDefined();
    await acceptOffer(team[1]!, result.next!.offerId);
    expect(await requestRow(requestId)).toMatchObject({ status: "accepted", assignedExpertId: team[1]!.expertId });
    expect(await eventTypes(requestId)).toEqual([
      "request.offer",
      "request.accept",
      "request.reassign",
      "offer.withdrawn",
      "request.offer",
      "request.accept",
    ]);
    const [accepted] = await db
      .select({ actorRole: events.actorRole, data: events.data })
      .from(events)
      .where(eq(events.requestId, requestId))
      .orderBy(desc(events.id))
      .limit(1);
    expect(accepted).toMatchObject({
      actorRole: "expert",
      data: { to: "accepted", offerId: result.next!.offerId, expertId: team[1]!.expertId, expertName: expect.any(String) },
    });
  });
});

describe("routing profiles", () => {
  it("stay equal to a fresh recomputation from the source tables", async () => {
    const { admin, team, requestId } = await world([{}, {}]);
    const offer = await routeRequest(admin, requestId, {});
    await declineOffer(team.find((e) => e.expertId === offer.expertId)!, offer.offerId, { reason: "capacity" });
    const columns = sql.raw(
      "expert_id, status, capacity, specialties, served_regions, active_cases, pending_offers, offers_accepted, offers_declined, offers_expired, cases_resolved, cases_reassigned, rating_sum, rating_count, round(rotation_heat::numeric, 6) as heat",
    );
    const stored = rowsOf(await db.execute(sql`select ${columns} from expert_routing_profiles order by expert_id`));
    await db.execute(sql`select refresh_expert_routing_profile(id) from experts`);
    const fresh = rowsOf(await db.execute(sql`select ${columns} from expert_routing_profiles order by expert_id`));
    expect(stored).toEqual(fresh);
    const mine = fresh.find((r) => (r as { expert_id: string }).expert_id === offer.expertId) as { offers_declined: number };
    expect(mine.offers_declined).toBe(1);
  });
});

describe("an expert suspended after the offer was made", () => {
  it("cannot accept an offer that is still pending for them", async () => {
    const { admin, team, requestId } = await world([{ name: "被暂停的专家" }]);
    const offer = await routeRequest(admin, requestId, {});
    await db.update(experts).set({ status: "suspended" }).where(eq(experts.id, team[0]!.expertId!));
    await expect(acceptOffer(team[0]!, offer.offerId)).rejects.toMatchObject({ code: "conflict", messageKey: "routing.errors.notCurrent" });
    expect((await requestRow(requestId)).status).toBe("offered");
  });

  it("loses their pending offers when the law society suspends them: each goes to the next candidate, or back to the admins", async () => {
    const { admin, team, requestId } = await world([{ name: "甲" }, { name: "乙", homeRegionCode: "340104", regions: ["340104"] }]);
    const offer = await routeRequest(admin, requestId, {});
    expect(offer.expertId).toBe(team[0]!.expertId);
    await suspendExpert(admin, team[0]!.expertId!, { reason: "执业证年检未通过" });
    const [withdrawn] = await db.select().from(offers).where(eq(offers.id, offer.offerId));
    expect(withdrawn).toMatchObject({ status: "withdrawn", declineNote: "执业证年检未通过" });
    expect((await pendingOffer(requestId))?.expertId).toBe(team[1]!.expertId);

    await retireExpert(admin, team[1]!.expertId!, { reason: "退休" });
    expect(await pendingOffer(requestId)).toBeUndefined();
    expect(await requestRow(requestId)).toMatchObject({ status: "triaged", needsAttention: true });
  });
});
