import { count, eq, inArray, sum } from "drizzle-orm";
import { db } from "@/db";
import { disputes, experts, recoveries, requests } from "@/db/schema";
import { hasCurrentAppointment } from "@/lib/roster/term";

export interface PublicStats {
  expertsActive: number;
  requestsFiled: number;
  requestsResolved: number;
  disputesResolved: number;
  recoveredFen: bigint;
}

/** The aggregate figures anyone may see (home page, impact page, GET /api/v1/stats). */
export async function getPublicStats(): Promise<PublicStats> {
  const [[active], [filed], [resolved], [disputesDone], [recovered]] = await Promise.all([
    db.select({ n: count() }).from(experts).where(hasCurrentAppointment()),
    db.select({ n: count() }).from(requests),
    db.select({ n: count() }).from(requests).where(inArray(requests.status, ["resolved", "closed"])),
    db.select({ n: count() }).from(disputes).where(eq(disputes.status, "resolved")),
    db.select({ total: sum(recoveries.amountFen) }).from(recoveries),
  ]);
  return {
    expertsActive: active?.n ?? 0,
    requestsFiled: filed?.n ?? 0,
    requestsResolved: resolved?.n ?? 0,
    disputesResolved: disputesDone?.n ?? 0,
    recoveredFen: BigInt(recovered?.total ?? 0),
  };
}
