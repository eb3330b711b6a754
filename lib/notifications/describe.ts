import { describeDutyNotification, dutyNotificationPath, periodLabel } from "@/lib/duty/notification-text";
import { appraisalGrades, deadlineKinds, requestStatuses, type AppraisalGrade, type DeadlineKind, type RequestStatus } from "@/lib/enums";
import { formatTimestamp } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { MessageKey } from "@/lib/i18n/keys";
import { formatFen } from "@/lib/money";

export interface NotificationFacts {
  kind: string;
  /** The request's current title, when the notification is about one. */
  requestTitle?: string | null;
  /** The request's case number (受理编号), when the notification is about one. */
  caseNumber?: string | null;
  data?: Record<string, unknown> | null;
}

const kindKeys: Record<string, MessageKey> = {
  "offer.new": "notifications.kinds.offer.new",
  "offer.deadline": "notifications.kinds.offer.deadline",
  "offer.accepted": "notifications.kinds.offer.accepted",
  "offer.declined": "notifications.kinds.offer.declined",
  "offer.withdrawn": "notifications.kinds.offer.withdrawn",
  /** another expert accepted first (first-responder offers): the expert's offer is withdrawn */
  "offer.taken": "notifications.kinds.offer.taken",
  "request.submitted": "notifications.kinds.request.submitted",
  "request.received": "notifications.kinds.request.received",
  "request.status": "notifications.kinds.request.status",
  "request.objected": "notifications.kinds.request.objected",
  "request.returned": "notifications.kinds.request.returned",
  "request.assigned": "notifications.kinds.request.assigned",
  "request.reassigned": "notifications.kinds.request.reassigned",
  "request.needs_attention": "notifications.kinds.request.needs_attention",
  "message.new": "notifications.kinds.message.new",
  "expert.appointed": "notifications.kinds.expert.appointed",
  "expert.decision": "notifications.kinds.expert.decision",
  "enterprise.verification": "notifications.kinds.enterprise.verification",
  "recovery.recorded": "notifications.kinds.recovery.recorded",
  "recovery.reversed": "notifications.kinds.recovery.reversed",
  "recovery.confirmed": "notifications.kinds.recovery.confirmed",
  "recovery.queried": "notifications.kinds.recovery.queried",
  "return_visit.follow_up": "notifications.kinds.return_visit.follow_up",
  "deadline.reminder": "notifications.kinds.deadline.reminder",
  "deadline.breached": "notifications.kinds.deadline.breached",
  "visit.planned": "visits.notifications.planned",
  "visit.assigned": "visits.notifications.assigned",
  "visit.confirmed": "visits.notifications.confirmed",
  "visit.declined": "visits.notifications.declined",
  "visit.cancelled": "visits.notifications.cancelled",
  "visit.done": "visits.notifications.done",
  "visit.needs_work": "visits.notifications.needsWork",
  "panel.invited": "panels.notifications.invited",
  "panel.accepted": "panels.notifications.accepted",
  "panel.declined": "panels.notifications.declined",
  "panel.removed": "panels.notifications.removed",
  "panel.opinion": "panels.notifications.opinion",
  "expert.appraised": "appraisals.notifications.graded",
};

/** What an `application.submitted` notification says, by the kind of application. */
const applicationKeys = {
  join: "notifications.kinds.application.join",
  change: "notifications.kinds.application.change",
} as const satisfies Record<string, MessageKey>;

/** What an `expert.decision` notification says, by the decision it carries. */
const expertDecisionKeys = {
  rejected: "notifications.kinds.expert.rejected",
  change_approved: "notifications.kinds.expert.change_approved",
  change_rejected: "notifications.kinds.expert.change_rejected",
  suspended: "notifications.kinds.expert.suspended",
  active: "notifications.kinds.expert.active",
  retired: "notifications.kinds.expert.retired",
} as const satisfies Record<string, MessageKey>;

/** What an `enterprise.verification` notification says, by the decision it carries. */
const verificationKeys = {
  approved: "notifications.kinds.enterprise.approved",
  refused: "notifications.kinds.enterprise.refused",
} as const satisfies Record<string, MessageKey>;

/** What an `expert.renewal` notification says, to the expert or to the admins. */
const renewalKeys = {
  expert: "notifications.kinds.renewal.expert",
  admins: "notifications.kinds.renewal.admins",
} as const satisfies Record<string, MessageKey>;

/** What a booking notification says (约诊 on a duty day), by its kind and whom it is for. */
const bookingKeys = {
  "booking.confirmed": "bookings.notices.confirmed",
  "booking.new": "bookings.notices.new",
  "booking.cancelled": "bookings.notices.cancelled",
  /** staff cancelled it, told to the one who booked */
  "booking.cancelledForBooker": "bookings.notices.cancelledForBooker",
} as const satisfies Record<string, MessageKey>;

function bookingKey(kind: string, audience: unknown): MessageKey | undefined {
  if (kind === "booking.cancelled" && audience === "booker") return bookingKeys["booking.cancelledForBooker"];
  return kind in bookingKeys ? bookingKeys[kind as keyof typeof bookingKeys] : undefined;
}

/** The step a deadline notification is about, in words. */
function deadlineStep(t: Translate, step: unknown): string {
  return typeof step === "string" && (deadlineKinds as readonly string[]).includes(step) ? t(`enums.deadlineKind.${step as DeadlineKind}`) : "";
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);

/**
 * A notification in words, in the translator's language: a headline and detail lines. Shared by
 * the inbox and the e-mail so both say the same. User-typed parts (titles, reasons, excerpts)
 * are returned as plain text; whoever shows them must keep them text.
 */
export function describeNotification(t: Translate, n: NotificationFacts): { headline: string; details: string[] } {
  const data = n.data ?? {};
  const duty = n.kind.startsWith("duty.") ? describeDutyNotification(t, n.kind, data) : null;
  if (duty) return duty;
  const status = text(data.status);
  const params = {
    title: text(data.title) ?? n.requestTitle ?? t("notifications.untitled"),
    status: status && (requestStatuses as readonly string[]).includes(status) ? t(`enums.requestStatus.${status as RequestStatus}`) : (status ?? ""),
    author: text(data.author) ?? "",
    company: text(data.company) ?? "",
    name: text(data.name) ?? "",
    caseNumber: n.caseNumber ?? text(data.caseNumber) ?? "",
    step: deadlineStep(t, data.step),
    termEnd: text(data.termEnd) ?? "",
    days: typeof data.days === "number" ? data.days : "",
    station: text(data.station) ?? "",
    date: text(data.date) ?? "",
    period: periodLabel(t, data.period),
    count: typeof data.count === "number" ? data.count : "",
    year: typeof data.year === "number" ? data.year : "",
    grade: (appraisalGrades as readonly unknown[]).includes(data.grade) ? t(`appraisals.grades.${data.grade as AppraisalGrade}`) : "",
  };
  // A status notice about an event rather than a new status (an offer withdrawn) says what happened.
  const event = text(data.event);
  const decision = text(data.decision);
  const applicationKind = text(data.kind);
  const key =
    n.kind === "request.status" && !status
      ? event
        ? kindKeys[event]
        : undefined
      : n.kind === "expert.decision" && decision && decision in expertDecisionKeys
        ? expertDecisionKeys[decision as keyof typeof expertDecisionKeys]
        : n.kind === "enterprise.verification" && decision && decision in verificationKeys
          ? verificationKeys[decision as keyof typeof verificationKeys]
          : n.kind === "application.submitted"
            ? applicationKeys[applicationKind === "change" ? "change" : "join"]
            : n.kind === "expert.renewal"
              ? renewalKeys[data.forAdmins === true ? "admins" : "expert"]
              : n.kind.startsWith("booking.")
                ? bookingKey(n.kind, data.audience)
                : kindKeys[n.kind];
  const headline = key ? t(key, params) : t("notifications.kinds.other");
  const details: string[] = [];
  if (params.caseNumber && n.kind !== "request.received") details.push(t("notifications.details.caseNumber", { caseNumber: params.caseNumber }));
  if (n.kind === "request.received") details.push(t("notifications.details.receivedNext"));
  const dueAt = text(data.dueAt);
  if (dueAt && n.kind.startsWith("deadline.")) details.push(t("notifications.details.dueAt", { dueAt: formatTimestamp(dueAt).slice(0, 16) }));
  const reason = text(data.reason);
  const referral = text(data.referral);
  const excerpt = text(data.excerpt);
  // A ledger entry or its reversal says which dispute and how much (a reversal's amount is stored negative).
  if (n.kind === "recovery.recorded" || n.kind === "recovery.reversed") {
    const counterparty = text(data.counterparty);
    if (counterparty) details.push(t("notifications.details.dispute", { counterparty }));
    if (typeof data.amountFen === "number" && Number.isSafeInteger(data.amountFen)) {
      const amount = formatFen(Math.abs(data.amountFen));
      details.push(
        n.kind === "recovery.reversed" ? t("notifications.details.amountReversed", { amount }) : t("notifications.details.amount", { amount }),
      );
    }
  }
  if (reason) details.push(t(n.kind === "recovery.reversed" ? "notifications.details.reversalReason" : "notifications.details.reason", { reason }));
  if (referral) details.push(t("notifications.details.referral", { referral }));
  if (excerpt) details.push(t("notifications.details.excerpt", { excerpt }));
  if (typeof data.satisfaction === "number") details.push(t("notifications.details.satisfaction", { n: data.satisfaction }));
  if (typeof data.rating === "number") details.push(t("notifications.details.rating", { rating: data.rating }));
  if (data.automatic === true) details.push(t("notifications.details.automatic"));
  if (data.despiteQueries === true) details.push(t("notifications.details.despiteQueries"));
  return { headline, details };
}

/**
 * Where a notification leads in the portal: its request, or the application it announces; null for
 * none. An offer withdrawn from an expert leads to their offers (the request is no longer theirs to read).
 */
export function notificationPath(n: { kind: string; requestId?: string | null; data?: Record<string, unknown> | null }): string | null {
  // A booking: the expert's consultations, or the list of bookings of whoever booked (and of the station's staff).
  if (n.kind.startsWith("booking.")) return n.data?.audience === "expert" ? "/duty/consultations" : "/bookings";
  // A follow-up is closed from the worklist, where the district's open follow-ups are listed.
  if (n.kind === "return_visit.follow_up") return "/admin/return-visits#follow-ups";
  if (n.kind.startsWith("duty.")) return dutyNotificationPath(n.kind, n.data ?? {});
  const visitId = text(n.data?.visitId);
  if (n.kind.startsWith("visit.") && visitId) return `/visits/${visitId}`;
  // A member taken off a panel no longer reads the case.
  if (n.kind === "panel.removed") return "/";
  const event = text(n.data?.event);
  if (n.kind === "request.status" && (event === "offer.withdrawn" || event === "offer.taken")) return "/offers";
  if (n.requestId) return `/requests/${n.requestId}`;
  const applicationId = text(n.data?.applicationId);
  if (n.kind === "application.submitted" && applicationId) return `/admin/applications/${applicationId}`;
  if (n.kind === "expert.appraised") return "/account/appraisals";
  const expertId = text(n.data?.expertId);
  if (n.kind === "expert.renewal") return n.data?.forAdmins === true && expertId ? `/admin/experts/${expertId}` : "/profile";
  return null;
}
