import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { enterprises, regions, requestCounterparties, requests, stations } from "@/db/schema";
import { can, coversRegion, requirePermission, type Actor } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { loadVisibleRequest } from "./access";

/**
 * Whether the actor may print the walk-in receipt (受理回执) of a request: it was filed at a station,
 * and the actor is that station's staff or an admin whose district covers it.
 */
export function mayPrintReceipt(actor: Actor, request: { stationId: string | null; regionCode: string }): boolean {
  if (!can(actor.role, "request.receipt") || !request.stationId) return false;
  // station staff: their own station's filings; an admin: those in their district
  return actor.stationId !== null ? actor.stationId === request.stationId : coversRegion(actor, request.regionCode);
}

/** What the receipt shows: the case number, what was filed, and the filing station's contact. 404 for anyone else. */
export async function getReceipt(actor: Actor | null, requestId: string) {
  const reader = requirePermission(actor, "request.receipt");
  const core = await loadVisibleRequest(db, reader, requestId);
  if (!mayPrintReceipt(reader, core)) throw notFound();
  const [row] = await db
    .select({
      id: requests.id,
      caseNumber: requests.caseNumber,
      title: requests.title,
      category: requests.category,
      submittedAt: requests.submittedAt,
      regionName: regions.nameZh,
      regionNameEn: regions.nameEn,
      visitorName: enterprises.name,
      contactName: enterprises.contactName,
      stationName: stations.name,
      stationAddress: stations.address,
      stationPhone: stations.phone,
      stationHours: stations.hours,
    })
    .from(requests)
    .innerJoin(enterprises, eq(enterprises.id, requests.enterpriseId))
    .innerJoin(regions, eq(regions.code, requests.regionCode))
    .innerJoin(stations, eq(stations.id, requests.stationId))
    .where(eq(requests.id, core.id));
  if (!row) throw notFound();
  const counterparties = await db
    .select({ name: requestCounterparties.name })
    .from(requestCounterparties)
    .where(eq(requestCounterparties.requestId, core.id))
    .orderBy(asc(requestCounterparties.name));
  return { ...row, counterparties: counterparties.map((c) => c.name) };
}
export type Receipt = Awaited<ReturnType<typeof getReceipt>>;
