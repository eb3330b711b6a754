import { expect } from "vitest";
import { db } from "@/db";
import * as s from "@/db/schema";
import { dutyPeriodMinutes } from "@/lib/duty/periods";
import { WORKING_HOURS_PER_DAY, workingHoursBetween } from "@/lib/timeliness/working-time";
import { median, scorecards, type Scorecard } from "@/lib/appraisals/scorecard";

/*
 * Every figure of the scorecard against the same figure counted by hand, in JavaScript, from the
 * rows of the ledger and the events (offers, requests, contacts, recoveries, return visits, duty
 * sessions, case hours, deadlines). Used by the scorecard's database tests.
 */

/** The Asia/Shanghai calendar year of a moment. */
export const yearOf = (at: Date | null) => (at ? Number(new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 4)) : null);
const yearOfDate = (day: string | null) => (day ? Number(day.slice(0, 4)) : null);
const round = (n: number | null, places: number) => (n === null ? null : Math.round(n * 10 ** places) / 10 ** places);
const average = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

export async function byHand(year: number, expertIds: string[]): Promise<Map<string, Scorecard>> {
  const [offers, requests, contacts, recoveries, visits, sessions, hours, deadlines] = await Promise.all([
    db.select().from(s.offers),
    db.select().from(s.requests),
    db.select().from(s.requestContacts),
    db.select().from(s.recoveries),
    db.select().from(s.returnVisits),
    db.select().from(s.dutySessions),
    db.select().from(s.caseHours),
    db.select().from(s.deadlines),
  ]);
  const requestById = new Map(requests.map((r) => [r.id, r]));
  const result = new Map<string, Scorecard>();
  for (const id of expertIds) {
    const made = offers.filter((o) => o.expertId === id && yearOf(o.createdAt) === year);
    const mine = requests.filter((r) => r.assignedExpertId === id);
    const resolved = mine.filter((r) => (r.status === "resolved" || r.status === "closed") && yearOf(r.resolvedAt) === year);
    const firstContacts = mine.flatMap((r) => {
      if (!r.acceptedAt) return [];
      const times = contacts
        .filter((c) => c.requestId === r.id && c.expertId === id && c.contactedAt >= r.acceptedAt!)
        .map((c) => c.contactedAt.getTime());
      if (!times.length) return [];
      const first = new Date(Math.min(...times));
      return yearOf(first) === year ? [workingHoursBetween(r.acceptedAt, first)] : [];
    });
    const rated = mine.filter((r) => r.rating !== null && yearOf(r.closedAt) === year);
    const visited = visits.filter((v) => requestById.get(v.requestId)?.assignedExpertId === id && yearOfDate(v.visitedOn) === year);
    const held = sessions.filter((x) => x.expertId === id && x.status === "held" && yearOfDate(x.date) === year);
    const caseMinutes = hours.filter((h) => h.expertId === id && yearOfDate(h.workedOn) === year).reduce((sum, h) => sum + h.minutes, 0);
    const dutyMinutes = held.reduce((sum, x) => sum + dutyPeriodMinutes(x.period), 0);
    result.set(id, {
      offersMade: made.length,
      offersAnsweredInTime: made.filter((o) => (o.status === "accepted" || o.status === "declined") && o.answeredAt && o.answeredAt <= o.expiresAt)
        .length,
      offersAccepted: made.filter((o) => o.status === "accepted").length,
      offersDeclined: made.filter((o) => o.status === "declined").length,
      offersExpired: made.filter((o) => o.status === "expired").length,
      casesResolved: resolved.length,
      medianHoursToFirstContact: round(median(firstContacts), 1),
      medianDaysToResolution: round(
        median(resolved.filter((r) => r.acceptedAt).map((r) => workingHoursBetween(r.acceptedAt!, r.resolvedAt!) / WORKING_HOURS_PER_DAY)),
        1,
      ),
      recoveredFen: Number(
        recoveries
          .filter((x) => requestById.get(x.requestId)?.assignedExpertId === id && yearOfDate(x.receivedOn) === year)
          .reduce((sum, x) => sum + x.amountFen, 0n),
      ),
      ratings: rated.length,
      averageRating: round(average(rated.map((r) => r.rating!)), 2),
      returnVisits: visited.length,
      averageSatisfaction: round(average(visited.map((v) => v.satisfaction)), 2),
      sessionsHeld: held.length,
      serviceHours: Math.round(((dutyMinutes + caseMinutes) / 60) * 100) / 100,
      breaches: deadlines.filter((d) => d.owedByExpertId === id && d.breachedAt && yearOf(d.dueAt) === year).length,
    });
  }
  return result;
}

export async function expectEqualByHand(years: number[]) {
  const ids = (await db.select({ id: s.experts.id }).from(s.experts)).map((e) => e.id);
  const totals = { offersMade: 0, casesResolved: 0, recoveredFen: 0, ratings: 0, returnVisits: 0, sessionsHeld: 0, breaches: 0, contacts: 0 };
  for (const year of years) {
    const computed = await scorecards(year, ids);
    const expected = await byHand(year, ids);
    for (const id of ids) {
      expect(computed.get(id), `${year} ${id}`).toEqual(expected.get(id));
      const card = expected.get(id)!;
      totals.offersMade += card.offersMade;
      totals.casesResolved += card.casesResolved;
      totals.recoveredFen += card.recoveredFen;
      totals.ratings += card.ratings;
      totals.returnVisits += card.returnVisits;
      totals.sessionsHeld += card.sessionsHeld;
      totals.breaches += card.breaches;
      totals.contacts += card.medianHoursToFirstContact === null ? 0 : 1;
    }
  }
  return totals;
}
