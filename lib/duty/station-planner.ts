import { eq } from "drizzle-orm";
import { stations } from "@/db/schema";
import type { DbOrTx } from "@/db";
import { requireDistrict, requirePermission, type Actor } from "@/lib/authz";
import { forbidden, notFound } from "@/lib/errors";

export interface PlannerStation {
  id: string;
  name: string;
  regionCode: string;
  closedAt: Date | null;
}

/**
 * The station whose rota the actor plans: its own staff, or an admin of its district (another
 * district's admin: 403; other staff: 403; no such station: 404). Every rota use case starts here.
 */
export async function requireStationPlanner(tx: DbOrTx, actor: Actor | null, stationId: string): Promise<PlannerStation> {
  const who = requirePermission(actor, "duty.plan");
  const [station] = await tx
    .select({ id: stations.id, name: stations.name, regionCode: stations.regionCode, closedAt: stations.closedAt })
    .from(stations)
    .where(eq(stations.id, stationId))
    .limit(1);
  if (!station) throw notFound();
  if (who.role === "station" && who.stationId !== station.id) throw forbidden();
  requireDistrict(who, "duty.plan", station.regionCode);
  return station;
}
