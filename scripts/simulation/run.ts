import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { offers, requests } from "@/db/schema";
import type { Random } from "@/db/seed/random";
import type { Actor } from "@/lib/authz";
import { setClock } from "@/lib/clock";
import { seededRandom } from "@/db/seed/random";
import { AppError } from "@/lib/errors";
import { recordContact } from "@/lib/requests/record-contact";
import { sweepDeadlines } from "@/lib/timeliness/sweep";
import { applyTransition } from "@/lib/requests/state-machine";
import { addWorkingHours } from "@/lib/timeliness/working-time";
import { acceptOffer } from "@/lib/routing/accept-offer";
import { declineOffer } from "@/lib/routing/decline-offer";
import { expireOffer } from "@/lib/routing/expire-offers";
import { reassignCase } from "@/lib/routing/reassign-case";
import { routeRequest } from "@/lib/routing/route-request";
import type { DeclineReason } from "@/lib/enums";
import { fileTriagedRequest } from "./seed-world";
import { gaussian, type SimExpert, type SimWorld } from "./world";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type SimEvent =
  | { kind: "arrive"; sim: number }
  | { kind: "answer"; offerId: string; requestId: string; expert: number; accept: boolean }
  | { kind: "deadline"; offerId: string; requestId: string }
  | { kind: "retry"; requestId: string }
  | { kind: "sweep" }
  | { kind: "contact"; requestId: string; expert: number }
  | { kind: "start" | "resolve" | "close" | "reassign"; requestId: string; expert: number };

/** Events in time order; equal times in the order they were scheduled (so runs repeat exactly). */
class Timeline {
  private heap: { at: number; seq: number; event: SimEvent }[] = [];
  private seq = 0;
  push(at: number, event: SimEvent) {
    const h = this.heap;
    h.push({ at, seq: this.seq++, event });
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (this.less(h[p]!, h[i]!)) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }
  pop() {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return top;
  }
  private less(a: { at: number; seq: number }, b: { at: number; seq: number }) {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
}

/** What the simulator observes with its own eyes, independently of the routing code. */
export interface Observations {
  requestIds: Map<string, number>;
  expertIds: Map<string, number>;
  acceptedAt: Map<string, number>;
  /** The expert holding each request at the end (sim index), if any. */
  holder: Map<string, number>;
  acceptedCases: number[];
  capacityBreaches: number;
  /** Acceptances that succeeded while another expert already held the request (target 0). */
  doubleAcceptances: number;
  /** Service-level sweeps run, and the reminders they sent. */
  sweeps: number;
  remindersSent: number;
  maxActive: number[];
  unroutable: number;
}

const conflictOf = (e: unknown) => e instanceof AppError && e.code === "conflict";

export async function runYear(
  db: Db,
  world: SimWorld,
  random: Random,
  admin: Actor,
  filers: Map<number, { enterpriseId: string; userId: string }>,
): Promise<Observations> {
  const actors: Actor[] = world.experts.map((e) => ({
    userId: e.userId,
    role: "expert",
    email: "",
    name: e.name,
    enterpriseId: null,
    stationId: null,
    expertId: e.id,
    regionScope: null,
  }));
  const byId = new Map(world.experts.map((e) => [e.id, e]));
  const active = world.experts.map(() => 0);
  const obs: Observations = {
    requestIds: new Map(),
    expertIds: new Map(world.experts.map((e) => [e.id, e.index])),
    acceptedAt: new Map(),
    holder: new Map(),
    acceptedCases: world.experts.map(() => 0),
    capacityBreaches: 0,
    doubleAcceptances: 0,
    sweeps: 0,
    remindersSent: 0,
    maxActive: world.experts.map(() => 0),
    unroutable: 0,
  };
  const timeline = new Timeline();
  const seen = new Set<string>();
  const retrying = new Set<string>();
  const firstTry = new Map<string, number>();
  // A request reaches routing when the admin has triaged it, on working time.
  for (const r of world.requests) timeline.push(addWorkingHours(new Date(r.at), r.triageHours).getTime(), { kind: "arrive", sim: r.index });
  // The service-level sweep (every 5 minutes in the app) runs every two hours of the day here
  // (08:00 to 18:00, China time), and at 08:00 after a night: deadlines in working time fall in those
  // hours, and a step's clock is read from the data, not from when the sweep noticed it.
  const last = Math.max(...world.requests.map((r) => r.at)) + 60 * DAY;
  timeline.push(Math.min(...world.requests.map((r) => r.at)), { kind: "sweep" });
  // First contacts draw from their own stream, so the routing figures stay those of the same seed.
  const contactRandom = seededRandom(world.requests.length + 7919);

  /** The expert's behaviour on a new offer: lapse, decline (likelier when busy) or accept, and when. */
  function plan(expert: SimExpert, offerId: string, requestId: string, now: number, expiresAt: number) {
    const busy = active[expert.index]! / expert.capacity;
    const u = random.next();
    const delay = Math.exp(Math.log(expert.responseHours) + 0.8 * gaussian(random)) * HOUR;
    if (u < expert.lapseRate || now + delay >= expiresAt) return;
    const accept = u >= expert.lapseRate + expert.declineRate + 0.3 * busy;
    timeline.push(now + delay, { kind: "answer", offerId, requestId, expert: expert.index, accept });
  }

  /**
   * After anything that may have made new offers or flagged the request: schedule what follows (an
   * urgent request may have several offers pending at once, one per expert).
   */
  async function follow(requestId: string, now: number) {
    const pending = await db
      .select({ id: offers.id, expertId: offers.expertId, expiresAt: offers.expiresAt })
      .from(offers)
      .where(and(eq(offers.requestId, requestId), eq(offers.status, "pending")))
      .orderBy(offers.createdAt, offers.rank);
    for (const offer of pending) {
      if (seen.has(offer.id)) continue;
      seen.add(offer.id);
      timeline.push(offer.expiresAt.getTime(), { kind: "deadline", offerId: offer.id, requestId });
      plan(byId.get(offer.expertId)!, offer.id, requestId, now, offer.expiresAt.getTime());
    }
    if (!pending.length) {
      const [row] = await db.select({ status: requests.status }).from(requests).where(eq(requests.id, requestId));
      // An admin looks at flagged requests once a day and routes them again when someone has room.
      if (row?.status === "triaged" && !retrying.has(requestId)) {
        retrying.add(requestId);
        timeline.push(now + DAY, { kind: "retry", requestId });
      }
    }
  }

  async function route(requestId: string, now: number) {
    try {
      await routeRequest(admin, requestId, {}, { now: new Date(now) });
    } catch (error) {
      if (!conflictOf(error)) throw error;
    }
    await follow(requestId, now);
  }

  for (let item = timeline.pop(); item; item = timeline.pop()) {
    const { at: now, event } = item;
    const when = { now: new Date(now) };
    // Every use case, event and service-level clock reads the simulated moment.
    setClock(new Date(now));
    switch (event.kind) {
      case "sweep": {
        const result = await sweepDeadlines();
        obs.sweeps += 1;
        obs.remindersSent += result.reminded;
        const chinaHour = (new Date(now).getUTCHours() + 8) % 24;
        const next = chinaHour >= 8 && chinaHour < 18 ? now + 2 * HOUR : now + ((8 - chinaHour + 24) % 24 || 24) * HOUR;
        if (next <= last) timeline.push(next, { kind: "sweep" });
        break;
      }
      case "contact": {
        if (obs.holder.get(event.requestId) !== event.expert) break;
        try {
          await recordContact(actors[event.expert]!, event.requestId, { at: new Date(now), method: "phone", note: undefined });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
        }
        break;
      }
      case "arrive": {
        const request = world.requests[event.sim]!;
        const requestId = await fileTriagedRequest(db, world, request, filers.get(request.enterprise)!, random, new Date(now));
        obs.requestIds.set(requestId, event.sim);
        firstTry.set(requestId, now);
        await route(requestId, now);
        break;
      }
      case "retry": {
        retrying.delete(event.requestId);
        if (now - firstTry.get(event.requestId)! > 30 * DAY) {
          obs.unroutable += 1;
          break;
        }
        await route(event.requestId, now);
        break;
      }
      case "deadline":
        await expireOffer(event.offerId, when);
        await follow(event.requestId, now);
        break;
      case "answer": {
        const expert = world.experts[event.expert]!;
        const actor = actors[event.expert]!;
        let decline: DeclineReason | null = event.accept ? null : random.pick(["capacity", "expertise", "unavailable", "distance"] as const);
        if (event.accept) {
          try {
            await acceptOffer(actor, event.offerId, when);
            if (obs.holder.has(event.requestId)) obs.doubleAcceptances += 1;
            active[expert.index]! += 1;
            obs.maxActive[expert.index] = Math.max(obs.maxActive[expert.index]!, active[expert.index]!);
            if (active[expert.index]! > expert.capacity) obs.capacityBreaches += 1;
            obs.acceptedCases[expert.index]! += 1;
            if (!obs.acceptedAt.has(event.requestId)) obs.acceptedAt.set(event.requestId, now);
            obs.holder.set(event.requestId, expert.index);
            const duration = world.requests[obs.requestIds.get(event.requestId)!]!.durationDays * DAY;
            timeline.push(now + DAY, { kind: "start", requestId: event.requestId, expert: expert.index });
            // The first call to the company: a median of 2.5 working hours after accepting.
            const contactHours = Math.exp(Math.log(2.5) + 0.9 * gaussian(contactRandom));
            timeline.push(addWorkingHours(new Date(now), contactHours).getTime(), {
              kind: "contact",
              requestId: event.requestId,
              expert: expert.index,
            });
            timeline.push(now + duration, { kind: "resolve", requestId: event.requestId, expert: expert.index });
            if (random.next() < 0.01)
              timeline.push(now + random.int(3, 10) * DAY, { kind: "reassign", requestId: event.requestId, expert: expert.index });
          } catch (error) {
            if (!conflictOf(error)) throw error;
            // At capacity after all (another case came first): the expert declines instead.
            if ((error as AppError).messageKey === "routing.errors.atCapacity") decline = "capacity";
          }
        }
        if (decline) {
          try {
            await declineOffer(actor, event.offerId, { reason: decline }, when);
          } catch (error) {
            if (!conflictOf(error)) throw error;
          }
        }
        await follow(event.requestId, now);
        break;
      }
      case "start":
      case "resolve":
      case "close": {
        if (obs.holder.get(event.requestId) !== event.expert) break;
        const actor = actors[event.expert]!;
        const set =
          event.kind === "resolve"
            ? { resolvedAt: new Date(now), resolutionSummary: "模拟结案" }
            : event.kind === "close"
              ? {
                  closedAt: new Date(now),
                  rating: Math.min(5, Math.max(1, Math.round(3 + 2 * world.experts[event.expert]!.quality + gaussian(random) * 0.5))),
                }
              : {};
        try {
          await db.transaction((tx) => applyTransition(tx, actor, event.requestId, event.kind === "start" ? "start" : event.kind, { set }));
        } catch (error) {
          if (!conflictOf(error)) throw error;
          break;
        }
        if (event.kind === "resolve") {
          active[event.expert]! -= 1;
          timeline.push(now + 3 * DAY, { kind: "close", requestId: event.requestId, expert: event.expert });
        }
        break;
      }
      case "reassign": {
        if (obs.holder.get(event.requestId) !== event.expert) break;
        try {
          await reassignCase(admin, event.requestId, { reason: "模拟：专家长期未跟进" }, when);
          active[event.expert]! -= 1;
          obs.holder.delete(event.requestId);
        } catch (error) {
          if (!conflictOf(error)) throw error;
        }
        await follow(event.requestId, now);
        break;
      }
    }
  }
  setClock(null);
  return obs;
}
