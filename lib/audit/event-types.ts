/**
 * The kinds of record an event can be about (events.entity_type), for the audit page's filter and
 * labels. The database derives an event's district from most of them (migration 0022).
 */
export const auditEntityTypes = [
  "request",
  "offer",
  "dispute",
  "recovery",
  "attachment",
  "expert",
  "application",
  "user",
  "api_token",
  "station",
  "enterprise",
  "settings",
  "export",
  "sign_in",
  "duty_booking",
  "duty_session",
  "company_visit",
] as const;

/**
 * Every event type the system writes, in the order the audit page offers them. A type not listed
 * here (written by code newer than this list) is still shown and filtered, under its own name.
 */
export const auditEventTypes = [
  // requests and routing
  "request.submitted",
  "request.resubmit",
  "request.triage",
  "request.return",
  "request.reject",
  "request.withdraw",
  "request.offer",
  "request.accept",
  "request.exhaust",
  "request.reassign",
  "request.start",
  "request.resolve",
  "request.close",
  "request.object",
  "request.return_visit",
  "request.follow_up_opened",
  "request.follow_up_closed",
  "request.contacted",
  "request.hours_recorded",
  "request.deadline_breached",
  "request.enterprise_verified",
  "request.typical_case_drafted",
  "request.typical_case_consent",
  "request.typical_case_published",
  "request.typical_case_withdrawn",
  "routing.skipped",
  "offer.declined",
  "offer.expired",
  "offer.withdrawn",
  "attachment.added",
  // disputes and the ledger
  "dispute.created",
  "dispute.updated",
  "recovery.recorded",
  "recovery.reversed",
  "recovery.confirmed",
  "recovery.queried",
  // the roster
  "expert.applied",
  "application.checked",
  "application.unchecked",
  "application.document_added",
  "application.rejected",
  "expert.appointed",
  "expert.renewed",
  "expert.appointmentEnded",
  "expert.suspended",
  "expert.reinstated",
  "expert.retired",
  "expert.imported",
  "expert.invited",
  "expert.profile_updated",
  "expert.change_requested",
  "expert.change_approved",
  "expert.change_rejected",
  "expert.conflict_added",
  "expert.conflict_removed",
  // duty days at stations: consultations booked (约诊), the day itself
  "booking.booked",
  "booking.cancelled",
  "booking.attended",
  "booking.no_show",
  "booking.requested",
  "booking.advice_noted",
  "duty_session.held",
  // accounts, tokens, settings
  "user.created",
  "user.disabled",
  "user.enabled",
  "account.updated",
  "enterprise.registered",
  "enterprise.verified",
  "enterprise.verification_refused",
  "enterprise.member_invited",
  "enterprise.member_removed",
  "station.created",
  "station.updated",
  "station.closed",
  "station.reopened",
  // duty days at stations (坐诊)
  "duty.planned",
  "duty.confirmed",
  "duty.declined",
  "duty.cancelled",
  // visits to companies (巡诊), calendar feeds
  "visit.planned",
  "visit.confirmed",
  "visit.declined",
  "visit.cancelled",
  "visit.done",
  "visit.finding_request",
  "calendar.feed_reset",
  "account.password-changed",
  "account.password-set",
  "auth.lockedOut",
  "token.issued",
  "token.revoked",
  "settings.changed",
  // exports
  "audit.exported",
  "report.exported",
  "roster.exported",
] as const;

/** The catalogue key of an event type's label: "expert.appointmentEnded" -> "audit.types.expert_appointmentEnded". */
export const eventTypeKey = (type: string) => `audit.types.${type.replace(/[.-]/g, "_")}`;

/** The catalogue key of an entity type's label. */
export const entityTypeKey = (entityType: string) => `audit.entities.${entityType}`;
