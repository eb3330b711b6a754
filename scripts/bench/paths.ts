/**
 * What the side-by-side benchmark asks: each path's URL on the app, who asks it, and the app
 * functions its route calls (with the query string parsed by the route's own schema), which are
 * run once on a recording connection to give the bare server and the EXPLAIN check their SQL.
 */
import { listAuditEvents } from "@/lib/audit/queries";
import { auditListQuery } from "@/lib/audit/schemas";
import { loadActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/authz";
import { defaultLocale } from "@/lib/i18n/catalog";
import { listSpecialties } from "@/lib/reference-data/queries";
import { getReport } from "@/lib/reports/get-report";
import { reportQuerySchema } from "@/lib/reports/schemas";
import { fileRequest } from "@/lib/requests/file-request";
import { getRequestDetail } from "@/lib/requests/queries";
import { filingBody } from "./filing-body";
import { fileRequestApiSchema } from "@/lib/requests/schemas";
import { searchDirectory } from "@/lib/roster/queries/experts";
import { referenceNames } from "@/lib/roster/reference-names";
import { directoryPageSize, directoryQuerySchema } from "@/lib/roster/schemas";
import { listCandidates } from "@/lib/routing/candidates";

export type Who = "anonymous" | "company" | "admin";

/** A signed-in account of the benchmark: its ids (the bare server's actor query) and its cookie (both servers). */
export interface Account {
  userId: string;
  sessionId: string;
  cookie: string;
}

export interface Fixtures {
  company: Account;
  admin: Account;
  /** A request of the company's, for the signed-in read. */
  requestId: string;
  /** A request waiting to be routed, for ranking. */
  triagedId: string;
}

export interface BenchPath {
  key: string;
  label: string;
  method: "GET" | "POST";
  /** Path and query string, the same on both servers. */
  url: (f: Fixtures) => string;
  who: Who;
  body?: string;
  /** The bare server answers HTML: renderToString of the rows. */
  html?: boolean;
  /** A write: the bare server runs the same use case (its statements depend on each other's answers), and 201s are counted against rows. */
  write?: boolean;
  /** What the app's route calls, given the actor the route resolved and the query string. */
  run: (actor: Actor | null, query: Record<string, string>, f: Fixtures) => Promise<unknown>;
}

export const benchPaths: BenchPath[] = [
  {
    key: "specialties",
    label: "anonymous specialties",
    method: "GET",
    url: () => "/api/v1/specialties",
    who: "anonymous",
    run: () => listSpecialties(),
  },
  {
    key: "search",
    label: "experts search q=催收",
    method: "GET",
    url: () => `/api/v1/experts?q=${encodeURIComponent("催收")}`,
    who: "anonymous",
    run: (_a, query) => searchDirectory(directoryQuerySchema.parse(query)),
  },
  {
    key: "experts-page",
    label: "/experts (HTML)",
    method: "GET",
    url: () => "/experts",
    who: "anonymous",
    html: true,
    // As app/(public)/experts/page.tsx asks: a page of cards and the names of specialties and regions.
    run: (_a, query) =>
      Promise.all([searchDirectory({ ...directoryQuerySchema.parse(query), pageSize: directoryPageSize }), referenceNames(defaultLocale)]),
  },
  {
    key: "me",
    label: "GET /me signed in",
    method: "GET",
    url: () => "/api/v1/me",
    who: "company",
    // The route answers the actor it resolved: no statement beyond the actor's.
    run: (actor) => Promise.resolve(actor),
  },
  {
    key: "request-read",
    label: "GET /requests/{id} signed in",
    method: "GET",
    url: (f) => `/api/v1/requests/${f.requestId}`,
    who: "company",
    run: (actor, _q, f) => getRequestDetail(actor!, f.requestId),
  },
  {
    key: "dashboard",
    label: "admin dashboard (reports)",
    method: "GET",
    url: () => "/api/v1/reports?groupBy=month",
    who: "admin",
    run: (actor, query) => getReport(actor, reportQuerySchema.parse(query), defaultLocale),
  },
  {
    key: "filing",
    label: "filing POST /requests",
    method: "POST",
    url: () => "/api/v1/requests",
    who: "company",
    body: filingBody,
    write: true,
    run: (actor) => fileRequest(actor, fileRequestApiSchema.parse(JSON.parse(filingBody))),
  },
  {
    key: "ranking",
    label: "ranking one request",
    method: "GET",
    url: (f) => `/api/v1/requests/${f.triagedId}/candidates`,
    who: "admin",
    run: (actor, _q, f) => listCandidates(actor, f.triagedId),
  },
  {
    key: "audit",
    label: "audit trail page",
    method: "GET",
    url: () => "/api/v1/audit-events?page=1",
    who: "admin",
    run: (actor, query) => {
      const { page, pageSize, ...filter } = auditListQuery.parse(query);
      return listAuditEvents(actor, filter, { page, pageSize });
    },
  },
];

/** The account a path signs in as, if any. */
export const accountOf = (path: BenchPath, f: Fixtures): Account | null => (path.who === "anonymous" ? null : f[path.who]);

/** What the route does: resolve the actor (the session's query), then the path's functions. */
export async function runAsRoute(path: BenchPath, f: Fixtures): Promise<unknown> {
  const account = accountOf(path, f);
  const actor = account ? await loadActor(account.userId, account.sessionId) : null;
  if (account && !actor) throw new Error(`${path.key}: the benchmark's session for ${path.who} is not live`);
  const query = Object.fromEntries(new URL(path.url(f), "http://bench").searchParams);
  return path.run(actor, query, f);
}
