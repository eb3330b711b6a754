import type { Permission } from "@/lib/authz";
import type { MessageKey } from "@/lib/i18n/keys";

export interface NavItem {
  href: string;
  label: MessageKey;
  /** Shown to signed-in users the permission table allows it (lib/authz.ts allows); "public" for everyone. */
  permission: Permission | "public" | "signedIn";
  /** Not shown to those who also hold this permission (they have a page of their own for it). */
  unless?: Permission;
}

export const publicNav: NavItem[] = [
  { href: "/experts", label: "common.nav.experts", permission: "public" },
  { href: "/impact", label: "common.nav.impact", permission: "public" },
  { href: "/stations", label: "common.nav.stations", permission: "public" },
  { href: "/typical-cases", label: "typicalCases.nav.public", permission: "public" },
  { href: "/apply", label: "common.nav.apply", permission: "public" },
];

export const portalNav: NavItem[] = [
  { href: "/portal", label: "common.nav.portal", permission: "signedIn" },
  // Admins file hotline calls too, but follow every request on /admin/requests.
  { href: "/requests", label: "common.nav.myRequests", permission: "request.create", unless: "request.triage" },
  { href: "/requests/new", label: "common.nav.newRequest", permission: "request.create" },
  { href: "/offers", label: "common.nav.offers", permission: "offer.list" },
  { href: "/cases", label: "common.nav.myCases", permission: "request.resolve" },
  { href: "/duty", label: "rota.nav.duty", permission: "duty.answer" },
  // duty days: the station's day (今日坐诊), bookings made, the expert's consultations
  { href: "/duty/today", label: "bookings.nav.today", permission: "duty.attend" },
  { href: "/bookings", label: "bookings.nav.mine", permission: "duty.book" },
  { href: "/duty/consultations", label: "bookings.nav.consultations", permission: "duty.answer" },
  { href: "/profile", label: "common.nav.profile", permission: "expert.updateOwnProfile" },
  { href: "/account/appraisals", label: "appraisals.nav.mine", permission: "appraisal.readOwn" },
  // Station staff plan their station's rota here; admins from each station's page.
  { href: "/rota", label: "rota.nav.rota", permission: "duty.plan", unless: "station.manage" },
  { href: "/admin/triage", label: "common.nav.triage", permission: "request.triage" },
  { href: "/admin/requests", label: "common.nav.allRequests", permission: "request.triage" },
  { href: "/visits", label: "common.nav.visits", permission: "visit.read" },
  { href: "/admin/return-visits", label: "common.nav.returnVisits", permission: "request.returnVisit" },
  { href: "/admin/typical-cases", label: "typicalCases.nav.admin", permission: "typicalCase.manage" },
  { href: "/admin/experts", label: "common.nav.roster", permission: "expert.suspend" },
  { href: "/admin/applications", label: "common.nav.applications", permission: "application.decide" },
  { href: "/admin/reports", label: "common.nav.reports", permission: "report.read" },
  { href: "/admin/appraisals", label: "appraisals.nav.appraisals", permission: "appraisal.read" },
  { href: "/admin/tokens", label: "common.nav.tokens", permission: "token.manage" },
  { href: "/admin/settings", label: "common.nav.settings", permission: "routing.settings" },
  { href: "/admin/users", label: "common.nav.users", permission: "user.list" },
  { href: "/admin/stations", label: "common.nav.stations", permission: "station.manage" },
  { href: "/admin/enterprises", label: "common.nav.companies", permission: "enterprise.readAny" },
  { href: "/admin/audit", label: "common.nav.audit", permission: "audit.read" },
  { href: "/company/members", label: "common.nav.colleagues", permission: "enterprise.members" },
  { href: "/inbox", label: "common.nav.inbox", permission: "signedIn" },
  { href: "/account", label: "common.nav.account", permission: "me.updateAccount" },
];
