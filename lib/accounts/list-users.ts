import { and, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { experts, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { countWithinWindow, pageWithinWindow } from "@/lib/list-window";
import { escapeLike } from "@/lib/roster/search-text";
import { accountsCoveredBy } from "./account-district";
import type { UserListQuery } from "./user-schemas";

export interface UserListItem {
  userId: string;
  email: string;
  name: string;
  role: Actor["role"];
  regionScope: string | null;
  stationId: string | null;
  enterpriseId: string | null;
  expertId: string | null;
  integration: boolean;
  disabled: boolean;
}

/**
 * Admins only. The accounts the admin's district covers (see accountRegion: admins scoped within
 * it, staff of its stations, experts whose home region is in it, members of companies registered
 * in it), every account for an unscoped admin; filters role and q (part of the name or e-mail),
 * newest first, paginated (counted up to LIST_WINDOW, see lib/list-window.ts). Never a password hash.
 */
export async function listUsers(actor: Actor | null, query: UserListQuery) {
  const admin = requirePermission(actor, "user.list");
  const conditions: (SQL | undefined)[] = [accountsCoveredBy(admin)];
  if (query.role) conditions.push(eq(users.role, query.role));
  if (query.q) {
    const pattern = `%${escapeLike(query.q.toLowerCase())}%`;
    conditions.push(or(sql`lower(${users.name}) like ${pattern} escape '\\'`, sql`${users.email} like ${pattern} escape '\\'`));
  }
  const where = and(...conditions);
  const slice = pageWithinWindow(query);
  const [rows, counted] = await Promise.all([
    slice
      ? db
          .select({
            userId: users.id,
            email: users.email,
            name: users.name,
            role: users.role,
            regionScope: users.regionScope,
            stationId: users.stationId,
            enterpriseId: users.enterpriseId,
            expertId: experts.id,
            integration: users.integration,
            disabled: sql<boolean>`${users.disabledAt} is not null`,
          })
          .from(users)
          .leftJoin(experts, eq(experts.userId, users.id))
          .where(where)
          .orderBy(desc(users.createdAt), users.id)
          .limit(slice.limit)
          .offset(slice.offset)
      : [],
    countWithinWindow(db.select({ id: users.id }).from(users).where(where)),
  ]);
  const items: UserListItem[] = rows;
  return { items, page: query.page, pageSize: query.pageSize, ...counted };
}
