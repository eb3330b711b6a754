import { pgEnum } from "drizzle-orm/pg-core";
import {
  userRoles,
  requestCategories,
  requestStatuses,
  offerStatuses,
  disputeKinds,
  disputeStatuses,
  recoveryMethods,
  serviceModes,
  urgencies,
  channels,
  expertStatuses,
  applicationStatuses,
  regionLevels,
  vettingChecks,
  passwordLinkPurposes,
  enterpriseVerifications,
  contactMethods,
  deadlineKinds,
  dutyPeriods,
  dutySessionStatuses,
  bookingStatuses,
  companyVisitStatuses,
  referralBodyKinds,
  partyKinds,
  panelMemberStatuses,
  typicalCaseStatuses,
  appraisalGrades,
} from "../../lib/enums";

// The PostgreSQL enums, built from the value lists the whole app shares.
export const userRoleEnum = pgEnum("user_role", userRoles);
export const requestCategoryEnum = pgEnum("request_category", requestCategories);
export const requestStatusEnum = pgEnum("request_status", requestStatuses);
export const offerStatusEnum = pgEnum("offer_status", offerStatuses);
export const disputeKindEnum = pgEnum("dispute_kind", disputeKinds);
export const disputeStatusEnum = pgEnum("dispute_status", disputeStatuses);
export const recoveryMethodEnum = pgEnum("recovery_method", recoveryMethods);
export const serviceModeEnum = pgEnum("service_mode", serviceModes);
export const urgencyEnum = pgEnum("urgency", urgencies);
export const channelEnum = pgEnum("channel", channels);
export const expertStatusEnum = pgEnum("expert_status", expertStatuses);
export const applicationStatusEnum = pgEnum("application_status", applicationStatuses);
export const regionLevelEnum = pgEnum("region_level", regionLevels);
export const vettingCheckEnum = pgEnum("vetting_check", vettingChecks);
export const passwordLinkPurposeEnum = pgEnum("password_link_purpose", passwordLinkPurposes);
export const enterpriseVerificationEnum = pgEnum("enterprise_verification", enterpriseVerifications);
export const contactMethodEnum = pgEnum("contact_method", contactMethods);
export const deadlineKindEnum = pgEnum("deadline_kind", deadlineKinds);
export const dutyPeriodEnum = pgEnum("duty_period", dutyPeriods);
export const dutySessionStatusEnum = pgEnum("duty_session_status", dutySessionStatuses);
export const bookingStatusEnum = pgEnum("booking_status", bookingStatuses);
export const companyVisitStatusEnum = pgEnum("company_visit_status", companyVisitStatuses);
export const referralBodyKindEnum = pgEnum("referral_body_kind", referralBodyKinds);
export const partyKindEnum = pgEnum("party_kind", partyKinds);
export const panelMemberStatusEnum = pgEnum("panel_member_status", panelMemberStatuses);
export const typicalCaseStatusEnum = pgEnum("typical_case_status", typicalCaseStatuses);
export const appraisalGradeEnum = pgEnum("appraisal_grade", appraisalGrades);
