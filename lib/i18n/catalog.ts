import { audit as enAudit } from "./en/audit";
import { bookings as enBookings } from "./en/bookings";
import { accounts as enAccounts } from "./en/accounts";
import { auth as enAuth } from "./en/auth";
import { common as enCommon } from "./en/common";
import { companies as enCompanies } from "./en/companies";
import { disputes as enDisputes } from "./en/disputes";
import { dutyFigures as enDutyFigures } from "./en/duty-figures";
import { reports as enReports } from "./en/reports";
import { enums as enEnums } from "./en/enums";
import { errors as enErrors } from "./en/errors";
import { home as enHome } from "./en/home";
import { notifications as enNotifications } from "./en/notifications";
import { requests as enRequests } from "./en/requests";
import { roster as enRoster } from "./en/roster";
import { routing as enRouting } from "./en/routing";
import { stations as enStations } from "./en/stations";
import { privacy as enPrivacy } from "./en/privacy";
import { timeliness as enTimeliness } from "./en/timeliness";
import { tokens as enTokens } from "./en/tokens";
import { rota as enRota } from "./en/rota";
import { calendar as enCalendar } from "./en/calendar";
import { visits as enVisits } from "./en/visits";
import { appraisals as enAppraisals } from "./en/appraisals";
import { annualReport as enAnnualReport } from "./en/annual-report";
import { reportCategories as enReportCategories } from "./en/report-categories";
import { panels as enPanels } from "./en/panels";
import { referrals as enReferrals } from "./en/referrals";
import { typicalCases as enTypicalCases } from "./en/typical-cases";
import { type Locale } from "./locales";
import type { Shape } from "./shape";
import { audit } from "./zh-CN/audit";
import { bookings } from "./zh-CN/bookings";
import { accounts } from "./zh-CN/accounts";
import { auth } from "./zh-CN/auth";
import { common } from "./zh-CN/common";
import { companies } from "./zh-CN/companies";
import { disputes } from "./zh-CN/disputes";
import { dutyFigures } from "./zh-CN/duty-figures";
import { reports } from "./zh-CN/reports";
import { enums } from "./zh-CN/enums";
import { errors } from "./zh-CN/errors";
import { home } from "./zh-CN/home";
import { notifications } from "./zh-CN/notifications";
import { requests } from "./zh-CN/requests";
import { roster } from "./zh-CN/roster";
import { routing } from "./zh-CN/routing";
import { stations } from "./zh-CN/stations";
import { privacy } from "./zh-CN/privacy";
import { timeliness } from "./zh-CN/timeliness";
import { tokens } from "./zh-CN/tokens";
import { rota } from "./zh-CN/rota";
import { calendar } from "./zh-CN/calendar";
import { visits } from "./zh-CN/visits";
import { appraisals } from "./zh-CN/appraisals";
import { annualReport } from "./zh-CN/annual-report";
import { reportCategories } from "./zh-CN/report-categories";
import { panels } from "./zh-CN/panels";
import { referrals } from "./zh-CN/referrals";
import { typicalCases } from "./zh-CN/typical-cases";

// One file per domain and language; a domain adds its pair here.
export const zhCN = {
  common,
  errors,
  enums,
  auth,
  home,
  tokens,
  requests,
  notifications,
  disputes,
  reports,
  roster,
  routing,
  stations,
  audit,
  accounts,
  companies,
  privacy,
  timeliness,
  dutyFigures,
  rota,
  bookings,
  calendar,
  visits,
  appraisals,
  annualReport,
  reportCategories,
  panels,
  referrals,
  typicalCases,
};
export type Catalog = Shape<typeof zhCN>;
export const en: Catalog = {
  common: enCommon,
  errors: enErrors,
  enums: enEnums,
  auth: enAuth,
  home: enHome,
  tokens: enTokens,
  requests: enRequests,
  notifications: enNotifications,
  disputes: enDisputes,
  reports: enReports,
  roster: enRoster,
  routing: enRouting,
  stations: enStations,
  audit: enAudit,
  accounts: enAccounts,
  companies: enCompanies,
  privacy: enPrivacy,
  timeliness: enTimeliness,
  dutyFigures: enDutyFigures,
  rota: enRota,
  bookings: enBookings,
  calendar: enCalendar,
  visits: enVisits,
  appraisals: enAppraisals,
  annualReport: enAnnualReport,
  reportCategories: enReportCategories,
  panels: enPanels,
  referrals: enReferrals,
  typicalCases: enTypicalCases,
};

export { defaultLocale, isLocale, LOCALE_COOKIE, locales, type Locale } from "./locales";

/** Server only: a client gets its own language's messages from the layout (see clientMessages). */
export const catalogs: Record<Locale, Catalog> = { "zh-CN": zhCN, en };
