import { eq, type SQL } from "drizzle-orm";
import type { Tx } from "@/db";
import { experts } from "@/db/schema";
import { requireDistrict, type Actor, type Permission } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { adminsOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { countyOf, withinRegion } from "@/lib/regions/codes";

/**
 * The district an expert belongs to: the county of their home region (330421102 -> 330421). Its
 * admins (and the unscoped ones) vet, appoint, renew, suspend, reinstate, retire, invite and import
 * the expert; every admin of the zone sees them and routes cases to them.
 */
export const districtOf = (homeRegionCode: string) => countyOf(homeRegionCode);

/**
 * SQL: the expert is in the admin's district (undefined, i.e. no condition, for an unscoped admin).
 * Goes into a conditional UPDATE's WHERE, so the district is checked on the row as it is written.
 */
export function expertInDistrictOf(actor: Actor): SQL | undefined {
  return actor.role === "admin" && actor.regionScope ? withinRegion(experts.homeRegionCode, actor.regionScope) : undefined;
}

/**
 * Locks the expert's row and checks that the admin may take `permission` on them: 404 for an
 * unknown expert, 403 (outsideDistrict) for another district's. The lock keeps the home region (so
 * the district) as checked until the caller's transaction ends.
 */
export async function lockExpertInDistrict(tx: Tx, actor: Actor, permission: Permission, expertId: string) {
  const [expert] = await tx
    .select({ userId: experts.userId, homeRegionCode: experts.homeRegionCode })
    .from(experts)
    .where(eq(experts.id, expertId))
    .for("update");
  if (!expert) throw notFound();
  requireDistrict(actor, permission, expert.homeRegionCode);
  return expert;
}

/**
 * An application goes to the district of the applicant's home region: its admins (and the
 * unscoped ones) are told, in the caller's transaction, so they vet it.
 */
export async function tellDistrictOfApplication(
  tx: Tx,
  application: { id: string; kind: "join" | "change"; name: string; homeRegionCode: string },
): Promise<void> {
  await notify(tx, {
    userIds: await adminsOf(tx, application.homeRegionCode),
    kind: "application.submitted",
    data: { applicationId: application.id, kind: application.kind, name: application.name },
  });
}
