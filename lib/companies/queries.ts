import { and, asc, desc, eq, exists, isNull, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { enterprises, requests, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { countWithinWindow, pageWithinWindow } from "@/lib/list-window";
import { NO_PASSWORD_YET } from "@/lib/accounts/password-links";
import { outer } from "@/lib/sql/outer-column";
import { notFound } from "@/lib/errors";
import { normalizeSearchText, escapeLike } from "@/lib/roster/search-text";
import { uuidParam } from "@/lib/validation";
import { requireMember } from "./member-access";
import type { EnterpriseListQuery } from "./schemas";
import type { MemberStatus } from "./responses";

/** Where a company stands: decided by an admin, waiting, or registered before verification existed. */
export type CompanyState = "pending" | "verified" | "refused" | "unchecked";

const memberStatus = sql<MemberStatus>`case when ${users.passwordHash} = ${NO_PASSWORD_YET} then 'invited' else 'active' end`;

/** The company's members only (others 404): its colleagues who can sign in, an invitee as "invited" until they set a password. */
export async function listMembers(actor: Actor | null, enterpriseId: string) {
  requireMember(actor, enterpriseId);
  const items = await db
    .select({ userId: users.id, email: users.email, name: users.name, status: memberStatus })
    .from(users)
    .where(and(eq(users.enterpriseId, enterpriseId), isNull(users.disabledAt)))
    .orderBy(asc(users.createdAt), asc(users.id));
  return { items };
}

/** For the members page: the caller's company, and whether it waits for (or was refused) verification. */
export async function ownCompany(actor: Actor | null) {
  if (!actor?.enterpriseId) throw notFound();
  requireMember(actor, actor.enterpriseId);
  const [company] = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      creditCode: enterprises.creditCode,
      claimedCreditCode: enterprises.claimedCreditCode,
      verification: enterprises.verification,
      verificationReason: enterprises.verificationReason,
    })
    .from(enterprises)
    .where(eq(enterprises.id, actor.enterpriseId));
  if (!company) throw notFound();
  return company;
}

const hasAccount = () =>
  exists(
    db
      .select({ one: sql`1` })
      .from(users)
      .where(eq(users.enterpriseId, enterprises.id)),
  );
const memberCount = sql<number>`(select count(*) from ${users} where ${users.enterpriseId} = ${outer(enterprises.id)})`.mapWith(Number);
const requestCount = sql<number>`(select count(*) from ${requests} where ${requests.enterpriseId} = ${outer(enterprises.id)})`.mapWith(Number);

function listWhere(q: string | undefined): SQL {
  const conditions: SQL[] = [hasAccount()];
  const term = q ? normalizeSearchText(q) : "";
  if (term) {
    const pattern = `%${escapeLike(term)}%`;
    const code = `%${escapeLike(term.toUpperCase())}%`;
    conditions.push(
      or(
        sql`lower(normalize(${enterprises.name}, NFKC)) like ${pattern} escape '\\'`,
        sql`${enterprises.creditCode} like ${code} escape '\\'`,
        sql`${enterprises.claimedCreditCode} like ${code} escape '\\'`,
      )!,
    );
  }
  return and(...conditions)!;
}

const stateOf = (verification: CompanyState | null): CompanyState => verification ?? "unchecked";

/**
 * Admins (every district: companies are visible zone-wide). The companies that have accounts,
 * those waiting for verification first, then the newest; a search over names and credit codes;
 * counted up to LIST_WINDOW (lib/list-window.ts).
 */
export async function listEnterprises(actor: Actor | null, query: EnterpriseListQuery) {
  requirePermission(actor, "enterprise.readAny");
  const where = listWhere(query.q);
  const slice = pageWithinWindow(query);
  const [rows, counted] = await Promise.all([
    slice
      ? db
          .select({
            id: enterprises.id,
            name: enterprises.name,
            creditCode: enterprises.creditCode,
            claimedCreditCode: enterprises.claimedCreditCode,
            verification: enterprises.verification,
            members: memberCount,
            requests: requestCount,
            createdAt: enterprises.createdAt,
          })
          .from(enterprises)
          .where(where)
          .orderBy(sql`case when ${enterprises.verification} = 'pending' then 0 else 1 end`, desc(enterprises.createdAt), asc(enterprises.id))
          .limit(slice.limit)
          .offset(slice.offset)
      : [],
    countWithinWindow(db.select({ id: enterprises.id }).from(enterprises).where(where)),
  ]);
  return {
    items: rows.map((row) => ({ ...row, state: stateOf(row.verification) })),
    page: query.page,
    pageSize: query.pageSize,
    ...counted,
  };
}

/** Who holds a credit code now: nobody, this company, a record only stations filed for, or another company. */
async function codeOwner(enterpriseId: string, code: string | null) {
  if (!code) return null;
  const [holder] = await db
    .select({ id: enterprises.id, name: enterprises.name, members: memberCount, requests: requestCount })
    .from(enterprises)
    .where(eq(enterprises.creditCode, code));
  if (!holder) return { kind: "nobody" as const, code };
  if (holder.id === enterpriseId) return { kind: "self" as const, code };
  return holder.members > 0
    ? { kind: "company" as const, code, id: holder.id, name: holder.name }
    : { kind: "stations" as const, code, requests: holder.requests };
}

/**
 * Admins: one company with its verification, who holds its credit code (itself, nobody, or the
 * record stations filed under: how many requests would join it), its members and its requests count.
 * 404 for an unknown id.
 */
export async function enterpriseForAdmin(actor: Actor | null, enterpriseId: string) {
  requirePermission(actor, "enterprise.readAny");
  if (!uuidParam.safeParse(enterpriseId).success) throw notFound();
  const [company] = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      creditCode: enterprises.creditCode,
      claimedCreditCode: enterprises.claimedCreditCode,
      verification: enterprises.verification,
      verificationDecidedAt: enterprises.verificationDecidedAt,
      verificationReason: enterprises.verificationReason,
      decidedByName: users.name,
      contactName: enterprises.contactName,
      contactPhone: enterprises.contactPhone,
      regionCode: enterprises.regionCode,
      createdAt: enterprises.createdAt,
      requests: requestCount,
    })
    .from(enterprises)
    .leftJoin(users, eq(users.id, enterprises.verificationDecidedBy))
    .where(eq(enterprises.id, enterpriseId));
  if (!company) throw notFound();
  const [members, owner] = await Promise.all([
    db
      .select({
        userId: users.id,
        email: users.email,
        name: users.name,
        status: memberStatus,
        disabledAt: users.disabledAt,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(eq(users.enterpriseId, enterpriseId))
      .orderBy(asc(users.createdAt), asc(users.id)),
    codeOwner(enterpriseId, company.creditCode ?? company.claimedCreditCode),
  ]);
  return { ...company, state: stateOf(company.verification), members, owner };
}

export type EnterpriseForAdmin = Awaited<ReturnType<typeof enterpriseForAdmin>>;
export type EnterpriseListItem = Awaited<ReturnType<typeof listEnterprises>>["items"][number];
