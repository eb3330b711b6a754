import { and, eq, notInArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { disputes, offers, requests } from "@/db/schema";
import { closedDisputeStatuses } from "@/lib/enums";
import { createDispute } from "@/lib/disputes/create-dispute";
import { createAcceptedCase } from "@/test/accepted-case";
import { AppError } from "@/lib/errors";
import { acceptOffer } from "@/lib/routing/accept-offer";
import { routeRequest } from "@/lib/routing/route-request";
import { withdrawOffer } from "@/lib/routing/withdraw-offer";
import { useTestDatabase } from "@/test/database";
import { createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { createTriagedRequest } from "@/test/routing-fixtures";
import { resolveRequest } from "./resolve-request";
import { withdrawRequest } from "./withdraw-request";

/**
 * Changes of one case racing each other. On PostgreSQL (DATABASE_URL) both sides really run at
 * once on separate connections; on PGlite they queue on its one connection and must agree too.
 * Every loser gets a conflict (409), never an unknown error, and the end state is consistent.
 */
useTestDatabase();

const ROUNDS = 20;

/** Each outcome is a success or a 409; anything else (a deadlock surfacing, a 500) fails the test. */
function unexpected(outcomes: PromiseSettledResult<unknown>[]): unknown[] {
  return outcomes.flatMap((o) => (o.status === "rejected" && !(o.reason instanceof AppError && o.reason.code === "conflict") ? [o.reason] : []));
}

describe("races on one case", () => {
  it(`adding a dispute against resolving, ${ROUNDS} rounds: never a resolved request with an open dispute`, async () => {
    const enterprise = await createEnterpriseActor();
    const expert = await createExpertActor({ capacity: 200 });
    const admin = await createAdminActor();
    const tally = { resolvedWithOpenDispute: 0, bothSucceeded: 0, unexpectedErrors: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const requestId = await createAcceptedCase({ enterprise, expert, status: "in_progress" });
      const outcomes = await Promise.allSettled([
        createDispute(admin, requestId, { counterpartyName: "同时新增的相对方", kind: "receivable", claimedFen: 100_000n }),
        resolveRequest(expert, requestId, "已办结"),
      ]);
      tally.unexpectedErrors += unexpected(outcomes).length;
      if (outcomes.every((o) => o.status === "fulfilled")) tally.bothSucceeded += 1;
      const [request] = await db.select({ status: requests.status }).from(requests).where(eq(requests.id, requestId));
      const open = await db.$count(disputes, and(eq(disputes.requestId, requestId), notInArray(disputes.status, [...closedDisputeStatuses])));
      if (request!.status === "resolved" && open > 0) tally.resolvedWithOpenDispute += 1;
    }
    // exactly one side wins each round: the dispute is added (the case is still being worked) or the case is resolved
    expect(tally).toEqual({ resolvedWithOpenDispute: 0, bothSucceeded: 0, unexpectedErrors: 0 });
  });

  it(`the company withdrawing the request against the expert accepting its offer, ${ROUNDS} rounds`, async () => {
    const enterprise = await createEnterpriseActor();
    const expert = await createExpertActor({ capacity: 200 });
    const admin = await createAdminActor();
    const tally = { unexpectedErrors: 0, notOneWinner: 0, inconsistent: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const requestId = await createTriagedRequest(enterprise);
      const offer = await routeRequest(admin, requestId, { expertId: expert.expertId! });
      const outcomes = await Promise.allSettled([withdrawRequest(enterprise, requestId, "已自行和解"), acceptOffer(expert, offer.offerId)]);
      tally.unexpectedErrors += unexpected(outcomes).length;
      if (outcomes.filter((o) => o.status === "fulfilled").length !== 1) tally.notOneWinner += 1;
      const [request] = await db
        .select({ status: requests.status, expertId: requests.assignedExpertId })
        .from(requests)
        .where(eq(requests.id, requestId));
      const [row] = await db.select({ status: offers.status }).from(offers).where(eq(offers.id, offer.offerId));
      const end = JSON.stringify([request!.status, request!.expertId, row!.status]);
      const withdrawn = JSON.stringify(["withdrawn", null, "withdrawn"]);
      const accepted = JSON.stringify(["accepted", expert.expertId, "accepted"]);
      if (end !== (outcomes[0]!.status === "fulfilled" ? withdrawn : accepted)) tally.inconsistent += 1;
    }
    expect(tally).toEqual({ unexpectedErrors: 0, notOneWinner: 0, inconsistent: 0 });
  });

  it(`an admin withdrawing the offer against the expert accepting it, ${ROUNDS} rounds`, async () => {
    const enterprise = await createEnterpriseActor();
    const expert = await createExpertActor({ capacity: 200 });
    const admin = await createAdminActor();
    for (let round = 0; round < ROUNDS; round++) {
      const requestId = await createTriagedRequest(enterprise, { specialties: [] });
      const offer = await routeRequest(admin, requestId, { expertId: expert.expertId! });
      const outcomes = await Promise.allSettled([withdrawOffer(admin, offer.offerId, { reason: "改派他人" }), acceptOffer(expert, offer.offerId)]);
      expect(unexpected(outcomes)).toEqual([]);
      expect(outcomes.filter((o) => o.status === "fulfilled").length).toBe(1);
      const [row] = await db.select({ status: offers.status }).from(offers).where(eq(offers.id, offer.offerId));
      const [request] = await db
        .select({ status: requests.status, expertId: requests.assignedExpertId })
        .from(requests)
        .where(eq(requests.id, requestId));
      if (outcomes[1]!.status === "fulfilled")
        expect([row!.status, request]).toEqual(["accepted", { status: "accepted", expertId: expert.expertId }]);
      else expect(row!.status).toBe("withdrawn");
    }
  });
});
