import { asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { offers, requests } from "@/db/schema";

/*
 * One lock order for every change of a case, so two changes can wait on each other but never
 * deadlock: first the request's row lock (several requests in id order), then its offers and
 * disputes, then an expert's routing lock. A change whose guard reads other rows (no open dispute,
 * no pending offer) takes the request's lock before reading them: under READ COMMITTED the next
 * statement then sees everything committed by whoever held the lock before.
 */

/** Locks the request's row until the transaction ends; undefined when it does not exist. */
export async function lockRequest(tx: Tx, requestId: string) {
  const [row] = await tx
    .select({ id: requests.id, status: requests.status, assignedExpertId: requests.assignedExpertId, acceptedAt: requests.acceptedAt })
    .from(requests)
    .where(eq(requests.id, requestId))
    .for("update");
  return row;
}

/** Locks several requests' rows in id order (the order every caller uses). */
export async function lockRequests(tx: Tx, requestIds: readonly string[]): Promise<void> {
  const ids = [...new Set(requestIds)];
  if (!ids.length) return;
  await tx.select({ id: requests.id }).from(requests).where(inArray(requests.id, ids)).orderBy(asc(requests.id)).for("update");
}

/** Locks the request an offer belongs to (the offer's request never changes); undefined for an unknown offer. */
export async function lockRequestOfOffer(tx: Tx, offerId: string) {
  const [offer] = await tx.select({ requestId: offers.requestId }).from(offers).where(eq(offers.id, offerId));
  return offer ? lockRequest(tx, offer.requestId) : undefined;
}
