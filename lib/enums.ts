// Every status and code of the API contract, as plain value lists. Free of drizzle so that browser code
// may import them; db/schema/enums.ts builds the PostgreSQL enums from these. Labels live in the message catalogue.
export const userRoles = ["enterprise", "expert", "station", "admin"] as const;
export const requestCategories = [
  "consultation",
  "debt_collection",
  "contract_dispute",
  "lease_dispute",
  "labor",
  "restructuring",
  "ecommerce",
  "ip",
  "major_mediation",
  "petition_backlog",
  "risk_prevention",
  "compliance_checkup",
] as const;
export const requestStatuses = [
  "submitted",
  "returned",
  "rejected",
  "triaged",
  "offered",
  "accepted",
  "in_progress",
  "resolved",
  "closed",
  "withdrawn",
] as const;
export const offerStatuses = ["pending", "accepted", "declined", "expired", "withdrawn"] as const;
/** Why an expert declines an offer, from the list the expert picks from. */
export const declineReasons = ["capacity", "conflict", "expertise", "unavailable", "distance", "other"] as const;
/** The steps a service level times (lib/timeliness/sweep.ts). */
export const deadlineKinds = ["triage", "offer", "contact", "resolution", "stale"] as const;
export const disputeKinds = ["receivable", "rent", "contract", "labor", "ip", "other"] as const;
export const disputeStatuses = [
  "open",
  "negotiating",
  "mediating",
  "litigating",
  "arbitrating",
  "enforcing",
  "resolved",
  "unresolved",
  "withdrawn",
] as const;
export const closedDisputeStatuses = ["resolved", "unresolved", "withdrawn"] as const;
/** How the expert or the law society reached the company: by phone, in person, online (a video call), by message. */
export const contactMethods = ["phone", "visit", "online", "message"] as const;
/** A duty session's half-day: morning, afternoon, or the whole day. */
export const dutyPeriods = ["am", "pm", "day"] as const;
export type DutyPeriod = (typeof dutyPeriods)[number];
/** planned (awaiting the expert), confirmed, declined (back to the planner), cancelled, held. */
export const dutySessionStatuses = ["planned", "confirmed", "declined", "cancelled", "held"] as const;
export type DutySessionStatus = (typeof dutySessionStatuses)[number];
/** booked; cancelled by the booker (or with the session); attended or no_show once the day has come. */
export const bookingStatuses = ["booked", "cancelled", "attended", "no_show"] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
/** A visit to a company (巡诊): proposed, confirmed or declined by the company, done, or cancelled. */
export const companyVisitStatuses = ["proposed", "confirmed", "declined", "done", "cancelled"] as const;
export type CompanyVisitStatus = (typeof companyVisitStatuses)[number];
export type ContactMethod = (typeof contactMethods)[number];
export const recoveryMethods = ["negotiation", "mediation", "judgment", "arbitration", "enforcement", "other"] as const;
export const serviceModes = ["onsite", "booked", "visit", "joint", "online"] as const;
export const urgencies = ["normal", "urgent"] as const;
export const channels = ["web", "station", "hotline", "api", "referral"] as const;
/** Who refers a case to the society (转办): the petitions bureau, the political-legal committee, a town or street office, a court, another body. */
export const referralBodyKinds = ["petitions", "political_legal", "town", "court", "other"] as const;
export type ReferralBodyKind = (typeof referralBodyKinds)[number];
/** Who a request is for: a company, a person (a petitioner, a worker), or a group of people. */
export const partyKinds = ["company", "person", "group"] as const;
export type PartyKind = (typeof partyKinds)[number];
/** A panel member of a joint consultation (会诊): invited, accepted or declined by the expert, or removed by the lead or an admin. */
export const panelMemberStatuses = ["invited", "accepted", "declined", "removed"] as const;
export type PanelMemberStatus = (typeof panelMemberStatuses)[number];
/** A typical case (典型案例): drafted by an admin, published on the public pages, or withdrawn from them. */
export const typicalCaseStatuses = ["draft", "published", "withdrawn"] as const;
export type TypicalCaseStatus = (typeof typicalCaseStatuses)[number];
/** The annual appraisal's grades (年度考核): 优秀, 称职, 基本称职, 不称职. */
export const appraisalGrades = ["excellent", "competent", "basic", "incompetent"] as const;
export type AppraisalGrade = (typeof appraisalGrades)[number];
export const expertStatuses = ["pending", "active", "suspended", "retired", "rejected"] as const;
export const applicationStatuses = ["pending", "approved", "rejected"] as const;
export const regionLevels = ["province", "city", "county", "town"] as const;
export const vettingChecks = ["licence_verified", "practice_years_confirmed", "discipline_checked", "references_contacted"] as const;
export const passwordLinkPurposes = ["invite", "reset"] as const;
/** Which notifications an account also gets by e-mail: all, only important ones, or none (the inbox always has them). */
export const emailPreferences = ["all", "important", "none"] as const;
/** A self-registered company: waiting for an admin to verify it acts for its credit code, or decided. */
export const enterpriseVerifications = ["pending", "verified", "refused"] as const;

export type UserRole = (typeof userRoles)[number];
export type EmailPreference = (typeof emailPreferences)[number];
export type RequestCategory = (typeof requestCategories)[number];
export type RequestStatus = (typeof requestStatuses)[number];
export type OfferStatus = (typeof offerStatuses)[number];
export type DeclineReason = (typeof declineReasons)[number];
export type DeadlineKind = (typeof deadlineKinds)[number];
export type DisputeKind = (typeof disputeKinds)[number];
export type DisputeStatus = (typeof disputeStatuses)[number];
export type RecoveryMethod = (typeof recoveryMethods)[number];
export type ServiceMode = (typeof serviceModes)[number];
export type Urgency = (typeof urgencies)[number];
export type Channel = (typeof channels)[number];
export type ExpertStatus = (typeof expertStatuses)[number];
export type ApplicationStatus = (typeof applicationStatuses)[number];
export type RegionLevel = (typeof regionLevels)[number];
export type VettingCheck = (typeof vettingChecks)[number];
export type PasswordLinkPurpose = (typeof passwordLinkPurposes)[number];
export type EnterpriseVerification = (typeof enterpriseVerifications)[number];
