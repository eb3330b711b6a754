import { eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { enterprises, experts, stations, users } from "@/db/schema";
import { requireDistrict, type Actor, type Permission } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { regionPrefix } from "@/lib/regions/codes";
import { uuidParam } from "@/lib/validation";

/**
 * The region an account belongs to, by its role: an admin's region scope (null: the whole zone),
 * its station's region for station staff, an expert's home region, its company's region for a
 * company member (null when the company gave none). An admin of a district lists, disables and
 * enables the accounts whose region its district covers (coversRegion); a null region is the
 * unscoped admins' alone. Correlated subqueries rather than joins, so a row lock can take the user.
 */
export const accountRegion: SQL<string | null> = sql<string | null>`(case ${users.role}
  when 'admin' then ${users.regionScope}
  when 'station' then (select ${stations.regionCode} from ${stations} where ${stations.id} = ${users.stationId})
  when 'expert' then (select ${experts.homeRegionCode} from ${experts} where ${experts.userId} = ${users.id})
  when 'enterprise' then (select ${enterprises.regionCode} from ${enterprises} where ${enterprises.id} = ${users.enterpriseId})
end)`;

/** SQL: the accounts an admin's district covers (coversRegion over accountRegion); undefined for an unscoped admin (all). */
export function accountsCoveredBy(admin: Actor): SQL | undefined {
  if (admin.regionScope === null) return undefined;
  return sql`${accountRegion} like ${`${regionPrefix(admin.regionScope)}%`}`;
}

export interface ManagedAccount {
  id: string;
  role: Actor["role"];
  regionScope: string | null;
  integration: boolean;
  disabled: boolean;
  region: string | null;
}

/**
 * The account an admin acts on, locked for the rest of the transaction. 404 when there is none, or
 * (through requireDistrict and the permission's outsideDistrict rule) when it is outside the
 * admin's district.
 */
export async function lockAccountFor(tx: DbOrTx, admin: Actor, permission: Permission, userId: string): Promise<ManagedAccount> {
  if (!uuidParam.safeParse(userId).success) throw notFound();
  const [account] = await tx
    .select({
      id: users.id,
      role: users.role,
      regionScope: users.regionScope,
      integration: users.integration,
      disabled: sql<boolean>`${users.disabledAt} is not null`,
      region: accountRegion,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!account) throw notFound();
  requireDistrict(admin, permission, account.region);
  return account;
}
