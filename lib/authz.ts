import type { UserRole } from "@/lib/enums";
import { forbidden, notFound, unauthorized } from "@/lib/errors";
import { isWithinRegion } from "@/lib/regions/codes";

/**
 * The permission table: which roles may attempt each action at all. Whether a particular record
 * is theirs (their company's request, their offer) is decided by the use case and the scoped
 * queries; this table is the first gate, and the only place roles are compared.
 */
export const permissions = {
  "me.read": ["enterprise", "expert", "station", "admin"],
  /** One's own password (the current one is asked for); a token limited to other permissions may not. */
  "me.changePassword": ["enterprise", "expert", "station", "admin"],
  /** One's own name, phone and e-mail preferences. */
  "me.updateAccount": ["enterprise", "expert", "station", "admin"],
  "notification.read": ["enterprise", "expert", "station", "admin"],
  // accounts, stations, companies (governance)
  "user.list": ["admin"],
  "user.create": ["admin"],
  /** Disable and enable an account. */
  "user.disable": ["admin"],
  /** Create and change stations (their district's admins). */
  "station.manage": ["admin"],
  /** A company's own colleagues: list, invite, remove. */
  "enterprise.members": ["enterprise"],
  "enterprise.readAny": ["admin"],
  /** Decide whether a registered account acts for the company of its credit code. */
  "enterprise.verify": ["admin"],
  // roster
  "expert.readPrivate": ["expert", "admin"],
  /** Any expert's profile in any status, with private fields (the expert themself reads their own with expert.readPrivate). */
  "expert.readAny": ["admin"],
  "expert.updateOwnProfile": ["expert"],
  "expert.suspend": ["admin"],
  "expert.reinstate": ["admin"],
  "expert.renew": ["admin"],
  "expert.retire": ["admin"],
  "expert.import": ["admin"],
  "expert.export": ["admin"],
  /** E-mails an expert a link to set their password (imported accounts have none). */
  "expert.invite": ["admin"],
  "application.list": ["admin"],
  "application.check": ["admin"],
  "application.decide": ["admin"],
  /** The applicant adds a scan of their licence or certificates to their own pending application. */
  "application.attach": ["expert"],
  /** An application's evidence files: the applicant, and the admins who vet it (its district's). */
  "application.documents": ["expert", "admin"],
  // requests
  /** A company for itself, a station for a walk-in, an admin for a hotline caller (the law society's line, 12348). */
  "request.create": ["enterprise", "station", "admin"],
  "request.list": ["enterprise", "expert", "station", "admin"],
  "request.read": ["enterprise", "expert", "station", "admin"],
  "request.amend": ["enterprise", "station"],
  "request.withdraw": ["enterprise", "station"],
  "request.triage": ["admin"],
  "request.resolve": ["expert"],
  /** The assigned expert records contacts with the company (the first one counts for the service level). */
  "request.contact": ["expert"],
  "request.confirm": ["enterprise"],
  "request.returnVisit": ["admin"],
  /** The walk-in receipt (受理回执): the filing station, and the admins who may see the request. */
  "request.receipt": ["station", "admin"],
  /** The reply letter (回复函) to the body that referred a case: its district's admins draft, print and issue it. */
  "referral.reply": ["admin"],
  "message.read": ["enterprise", "expert", "station", "admin"],
  "message.send": ["enterprise", "expert", "station", "admin"],
  "attachment.upload": ["enterprise", "expert", "station", "admin"],
  "attachment.download": ["enterprise", "expert", "station", "admin"],
  // routing
  "routing.candidates": ["admin"],
  "routing.route": ["admin"],
  "routing.withdrawOffer": ["admin"],
  "routing.reassign": ["admin"],
  "routing.settings": ["admin"],
  /** The service levels (deadlines in working time): every admin reads them, unscoped admins change them. */
  "serviceLevels.read": ["admin"],
  "serviceLevels.write": ["admin"],
  "offer.list": ["expert"],
  "offer.answer": ["expert"],
  // disputes and money
  "dispute.read": ["enterprise", "expert", "station", "admin"],
  "dispute.write": ["expert", "admin"],
  "recovery.write": ["expert", "admin"],
  "recovery.respond": ["enterprise"],
  // duty days at stations (坐诊, 约诊), visits to companies (巡诊), service hours
  /** Plan and cancel a station's duty sessions: its staff, and the admins of its district. */
  "duty.plan": ["station", "admin"],
  /** The expert confirms or declines a session planned for them, and notes the advice given. */
  "duty.answer": ["expert"],
  /** Book a consultation: a company member for the company, station staff for a caller or walk-in. */
  "duty.book": ["enterprise", "station"],
  /** On the day: mark who came and turn a consultation into a request (the session's station). */
  "duty.attend": ["station"],
  /** One's own private calendar feed (.ics): an expert's, or the station's for its staff. */
  "calendar.feed": ["expert", "station"],
  /** Plan a visit to a company (an expert for themself, an admin for any expert). */
  "visit.plan": ["expert", "admin"],
  "visit.read": ["enterprise", "expert", "admin"],
  /** The company confirms or declines a planned visit. */
  "visit.answer": ["enterprise"],
  /** The visiting expert records findings and recommendations. */
  "visit.record": ["expert"],
  /** The assigned expert records hours worked on a case (service hours). */
  "caseHours.write": ["expert"],
  // joint consultations (会诊)
  /** The lead expert (the case's assigned expert) or an admin of its district: invite and remove panel members, record the panel's opinion. */
  "panel.manage": ["expert", "admin"],
  /** The invited expert accepts or declines a place on a panel. */
  "panel.answer": ["expert"],
  /** Internal case notes: the lead, the accepted panel members, the admins (never the company or a station). */
  "panel.notes": ["expert", "admin"],
  /** Draft, edit, publish and withdraw typical cases (典型案例) of closed requests in the admin's district. */
  "typicalCase.manage": ["admin"],
  "report.read": ["admin"],
  "report.export": ["admin"],
  // the annual appraisal (年度考核)
  "appraisal.read": ["admin"],
  /** The admins of the expert's district (and the unscoped ones) grade the year. */
  "appraisal.grade": ["admin"],
  /** An expert reads their own scorecards and grades. */
  "appraisal.readOwn": ["expert"],
  // integration and audit
  "token.manage": ["admin"],
  "audit.read": ["admin"],
  "audit.export": ["admin"],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof permissions;

/**
 * What an admin scoped to a district (users.region_scope) gets with an admin permission, in the
 * permission table's second column. The zone's roster is shared: every admin reads all of it and
 * routes to any expert, so a permission absent here is not bound to a district.
 * - "zone": zone-wide work (routing weights, settings, admin accounts): unscoped admins only, 403.
 * - "forbidden": the record is visible zone-wide, but only its own district's admins change it: 403.
 * - "notFound": the record is not visible outside its district: 404.
 * Where the district is checked (requireDistrict), the use case passes the record's region.
 */
export const outsideDistrict: Partial<Record<Permission, "zone" | "forbidden" | "notFound">> = {
  // The roster: each expert belongs to the district of their home region (lib/roster/district.ts).
  // Every admin sees every expert, so another district's admin is refused, not told it is absent.
  "expert.suspend": "forbidden",
  "expert.reinstate": "forbidden",
  "expert.renew": "forbidden",
  "expert.retire": "forbidden",
  "expert.invite": "forbidden",
  /** The annual appraisal: only the expert's own district's admins grade it. */
  "appraisal.grade": "forbidden",
  /** Row by row: a row whose home region lies outside the admin's district is rejected with its reason. */
  "expert.import": "forbidden",
  // Applications go to the district of the applicant's home region; every admin may read them.
  "application.check": "forbidden",
  "application.decide": "forbidden",
  /** Licence scans are sensitive: only the admins who vet the application open them. */
  "application.documents": "forbidden",
  // Routing is about requests, which an admin of another district does not see (lib/requests/scope.ts).
  "routing.candidates": "notFound",
  "routing.route": "notFound",
  "routing.withdrawOffer": "notFound",
  "routing.reassign": "notFound",
  /** A panel is formed on a request, which an admin of another district does not see. */
  "panel.manage": "notFound",
  "panel.notes": "notFound",
  /** The routing weights and deadlines: one set for the whole zone. */
  "routing.settings": "zone",
  /** One set of service levels for the whole zone. */
  "serviceLevels.write": "zone",
  // Stations are public; only the admins of a station's district create, change or close it.
  "station.manage": "forbidden",
  /** A station's rota: the admins of the station's district. */
  "duty.plan": "forbidden",
  /** A visit to a company of another district: its own district's admins. */
  "visit.plan": "forbidden",
  /** Station staff for another district's station (the stations are public); an admin account: unscoped admins only (createUser). */
  "user.create": "forbidden",
  /** Accounts of another district, and zone-wide ones (unscoped admins), are not listed to a district admin. */
  "user.disable": "notFound",
  // Every admin sees every company (enterprise.readAny is zone-wide), but a registration is
  // verified by the admins of the district its credit code names (the registering authority's
  // division, characters 3-8: lib/companies/decide-verification.ts); a code from outside the zone, by unscoped admins.
  "enterprise.verify": "forbidden",
  /** A hotline call is filed for a region of the admin's own district; another region, 403. */
  "request.create": "forbidden",
  /** A referral's reply letter: the request is not visible outside its district. */
  "referral.reply": "notFound",
  /** A typical case is drafted from a request, which an admin of another district does not see. */
  "typicalCase.manage": "notFound",
};

export function can(role: UserRole, permission: Permission): boolean {
  return (permissions[permission] as readonly UserRole[]).includes(role);
}

/** The signed-in caller, as every use case sees it. */
export interface Actor {
  userId: string;
  role: UserRole;
  email: string;
  name: string;
  enterpriseId: string | null;
  stationId: string | null;
  expertId: string | null;
  /** Admin region scope (a GB/T 2260 code); null = everything. */
  regionScope: string | null;
  /** When the caller came with an API token limited to some permissions: those permissions. */
  tokenScopes?: readonly string[];
  /** When the caller came with an API token: its id, recorded on every event written through it. */
  tokenId?: string;
  /** …and the admin who issued it. */
  tokenIssuerId?: string;
}

/** Who a wrapped handler runs for: a signed-in actor, unless its permission is "public". */
export type ActorFor<P extends Permission | "public"> = P extends "public" ? Actor | null : Actor;

/**
 * Throws 401 without an actor and 403 when the actor's role lacks the permission (or its token's
 * scopes do), or when the permission is zone-wide and the actor an admin of one district.
 */
export function requirePermission(actor: Actor | null, permission: Permission): Actor {
  if (!actor) throw unauthorized();
  if (!can(actor.role, permission)) throw forbidden();
  if (actor.tokenScopes?.length && !actor.tokenScopes.includes(permission)) throw forbidden();
  if (outsideDistrict[permission] === "zone" && !isUnscopedAdmin(actor)) throw forbidden();
  return actor;
}

/**
 * Whether requirePermission lets the actor in: its role (and its token's scopes) hold the
 * permission, and a zone-wide one only for an unscoped admin. Pages and navigation offer what this allows.
 */
export function allows(actor: Actor | null, permission: Permission): boolean {
  if (!actor || !can(actor.role, permission)) return false;
  if (actor.tokenScopes?.length && !actor.tokenScopes.includes(permission)) return false;
  return outsideDistrict[permission] !== "zone" || isUnscopedAdmin(actor);
}

/** An admin of the whole zone (no region scope); counts as an admin of every district. */
export function isUnscopedAdmin(actor: Pick<Actor, "role" | "regionScope">): boolean {
  return actor.role === "admin" && actor.regionScope === null;
}

/**
 * Whether an admin's district covers a region (an unscoped admin's covers all). A record of no
 * region (null: zone-wide, such as an unscoped admin's account) is covered by unscoped admins only.
 */
export function coversRegion(actor: Actor, regionCode: string | null): boolean {
  return actor.regionScope === null || (regionCode !== null && isWithinRegion(regionCode, actor.regionScope));
}

/**
 * For a district-bound admin permission: throws 403 or 404 (as outsideDistrict says; 403 when it
 * says nothing) when the admin's district does not cover the record's region (null: zone-wide).
 * Other roles pass: what is theirs is decided by the use case.
 */
export function requireDistrict(actor: Actor, permission: Permission, regionCode: string | null): void {
  if (actor.role !== "admin" || coversRegion(actor, regionCode)) return;
  throw outsideDistrict[permission] === "notFound" ? notFound() : forbidden();
}

/** An account an API token may act as, as the token rules below see it. */
export interface TokenHolder {
  userId: string;
  role: UserRole;
  regionScope: string | null;
  /** A partner system's account (users.integration), not a person's. */
  integration: boolean;
  /** For station staff: their station's region. */
  stationRegionCode: string | null;
}

/**
 * Whether an admin may issue an API token acting as `holder`: itself, or an integration account in
 * its district (a station account whose station's region it covers; a reporting admin account whose
 * region scope lies within its own, an unscoped one only for an unscoped admin). Never another
 * person's account, never another admin. The caller's token.manage is checked before.
 */
export function mayIssueTokenFor(issuer: Actor, holder: TokenHolder): boolean {
  if (holder.userId === issuer.userId) return true;
  if (!holder.integration) return false;
  switch (holder.role) {
    case "station":
      return holder.stationRegionCode !== null && coversRegion(issuer, holder.stationRegionCode);
    case "admin":
      return holder.regionScope === null ? isUnscopedAdmin(issuer) : coversRegion(issuer, holder.regionScope);
    default:
      return false;
  }
}

/**
 * The permissions a token issued by `issuer` for `holder` may be limited to: what the holder's role
 * may do; a zone-wide permission only when both are unscoped admins; within the issuer's own token
 * scopes when it calls with a limited token; never token management for a partner system.
 */
export function grantableTokenScopes(issuer: Actor, holder: TokenHolder): Permission[] {
  const zoneWide = isUnscopedAdmin(issuer) && isUnscopedAdmin(holder);
  return (Object.keys(permissions) as Permission[]).filter(
    (permission) =>
      can(holder.role, permission) &&
      (outsideDistrict[permission] !== "zone" || zoneWide) &&
      !(holder.integration && permission === "token.manage") &&
      (!issuer.tokenScopes?.length || issuer.tokenScopes.includes(permission)),
  );
}
