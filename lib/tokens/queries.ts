import { and, asc, desc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { apiTokens, regions, stations, users } from "@/db/schema";
import {
  grantableTokenScopes,
  isUnscopedAdmin,
  mayIssueTokenFor,
  requirePermission,
  type Actor,
  type Permission,
  type TokenHolder,
} from "@/lib/authz";
import { forbidden } from "@/lib/errors";
import { withinRegion } from "@/lib/regions/codes";

// Who may manage which API tokens. A token acts as its issuer, or as a partner system's
// integration account in the issuer's district; tokens are managed by people, never by a partner.

/**
 * The caller, when it may manage tokens: an admin (token.manage, within its token's scopes) that is
 * not itself a partner system's account, so no partner can mint tokens that outlive the one it got.
 */
export async function requireTokenManager(actor: Actor | null): Promise<Actor> {
  const manager = requirePermission(actor, "token.manage");
  const [row] = await db.select({ integration: users.integration }).from(users).where(eq(users.id, manager.userId));
  if (!row || row.integration) throw forbidden();
  return manager;
}

/** The account a token acts as. */
const holder = alias(users, "holder");
/** The admin who issued it. */
const issuer = alias(users, "issuer");

/** Integration accounts in an admin's district: a station account by its station's region, a reporting admin account by its region scope. */
function integrationAccountsOf(actor: Actor): SQL {
  if (isUnscopedAdmin(actor)) return eq(holder.integration, true);
  if (!actor.regionScope) return sql`false`;
  return and(
    eq(holder.integration, true),
    or(withinRegion(stations.regionCode, actor.regionScope), withinRegion(holder.regionScope, actor.regionScope)),
  ) as SQL;
}

/** The tokens an admin sees and revokes: an unscoped admin all; a district admin those it issued and those of its district's integration accounts. */
function managedTokens(actor: Actor): SQL {
  if (isUnscopedAdmin(actor)) return sql`true`;
  return or(eq(apiTokens.createdBy, actor.userId), integrationAccountsOf(actor)) as SQL;
}

/** Whether the admin manages the token (sees it, may revoke it); false for an unknown token too. */
export async function managesToken(actor: Actor, tokenId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .innerJoin(holder, eq(holder.id, apiTokens.userId))
    .leftJoin(stations, eq(stations.id, holder.stationId))
    .where(and(eq(apiTokens.id, tokenId), managedTokens(actor)));
  return Boolean(row);
}

/**
 * Admins only (not partner systems). The tokens the admin manages, newest first, with who each acts
 * as and who issued it; never the secret or its hash.
 */
export async function listTokens(actor: Actor, now = new Date()) {
  await requireTokenManager(actor);
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scopes: apiTokens.scopes,
      userId: holder.id,
      userEmail: holder.email,
      userName: holder.name,
      integration: holder.integration,
      userDisabledAt: holder.disabledAt,
      issuerId: issuer.id,
      issuerEmail: issuer.email,
      issuerName: issuer.name,
      issuerDisabledAt: issuer.disabledAt,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(holder, eq(holder.id, apiTokens.userId))
    .innerJoin(issuer, eq(issuer.id, apiTokens.createdBy))
    .leftJoin(stations, eq(stations.id, holder.stationId))
    .where(managedTokens(actor))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map(({ userDisabledAt, issuerDisabledAt, ...row }) => ({
    ...row,
    scopes: row.scopes as Permission[],
    userDisabled: userDisabledAt !== null,
    issuerDisabled: issuerDisabledAt !== null,
    status: row.revokedAt ? ("revoked" as const) : row.expiresAt && row.expiresAt <= now ? ("expired" as const) : ("active" as const),
  }));
}

const holderColumns = {
  userId: holder.id,
  email: holder.email,
  name: holder.name,
  role: holder.role,
  regionScope: holder.regionScope,
  integration: holder.integration,
  stationName: stations.name,
  stationRegionCode: stations.regionCode,
  disabledAt: holder.disabledAt,
};

/** An account as the token rules see it, by id or e-mail; null when there is none. */
export async function findTokenHolder(by: { userId: string } | { email: string }) {
  const [row] = await db
    .select(holderColumns)
    .from(holder)
    .leftJoin(stations, eq(stations.id, holder.stationId))
    .where("userId" in by ? eq(holder.id, by.userId) : eq(holder.email, by.email));
  return row ?? null;
}

/** A token manager as the holder of a token for itself (a manager is never a partner system's account). */
export function managerAsHolder(manager: Actor): TokenHolder {
  return { userId: manager.userId, role: manager.role, regionScope: manager.regionScope, integration: false, stationRegionCode: null };
}

/**
 * Admins only. Whom the admin may issue a token for, each with the scopes it may be limited to:
 * itself first, then the enabled integration accounts in its district.
 */
export async function listTokenHolders(actor: Actor) {
  const manager = await requireTokenManager(actor);
  const accounts = await db
    .select({ ...holderColumns, regionNameZh: regions.nameZh, regionNameEn: regions.nameEn })
    .from(holder)
    .leftJoin(stations, eq(stations.id, holder.stationId))
    // The region the account is bound to: its station's, or its region scope (none: the whole zone).
    .leftJoin(regions, eq(regions.code, sql`coalesce(${stations.regionCode}, ${holder.regionScope})`))
    .where(and(integrationAccountsOf(manager), isNull(holder.disabledAt)))
    .orderBy(asc(holder.name), asc(holder.email));
  const self = managerAsHolder(manager);
  return {
    self: { scopes: grantableTokenScopes(manager, self) },
    accounts: accounts
      .filter((account) => account.userId !== manager.userId && mayIssueTokenFor(manager, account))
      .map(({ disabledAt: _disabled, ...account }) => ({ ...account, scopes: grantableTokenScopes(manager, account) })),
  };
}
