import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@/db";
import { notifications } from "@/db/schema";
import { enqueueMany } from "@/lib/jobs/queue";

export type NotificationKind =
  | "offer.new"
  | "offer.deadline"
  | "offer.accepted"
  | "offer.declined"
  | "request.submitted"
  /** to the filer: the request is received, with its case number */
  | "request.received"
  | "request.status"
  /** the company objected to the outcome; the case is back in progress */
  | "request.objected"
  | "request.returned"
  | "request.assigned"
  | "request.reassigned"
  | "request.needs_attention"
  | "message.new"
  | "expert.appointed"
  | "expert.decision"
  | "enterprise.verification"
  /** a new application (to join, or to change a vetted field) for the admins of the applicant's district */
  | "application.submitted"
  | "recovery.recorded"
  | "recovery.reversed"
  | "recovery.confirmed"
  | "recovery.queried"
  /** to the district's admins: a return visit found the company dissatisfied, a follow-up is open */
  | "return_visit.follow_up"
  /** a service-level deadline is near (lib/timeliness/sweep.ts), to whoever owes the step */
  | "deadline.reminder"
  /** a service-level deadline passed with the step not done, to the district's admins and the expert */
  | "deadline.breached"
  /** an appointment ends in 90, 30 or 7 days, to the expert and the admins of the expert's district */
  | "expert.renewal"
  /** to the expert: a station planned duty sessions (坐诊) for them to confirm or decline (lib/duty) */
  | "duty.planned"
  /** to the planner: the expert declined a session, with the reason; time to plan someone else */
  | "duty.declined"
  /** to the expert and to whoever booked on it: a planner cancelled a session (or, for bookers, the expert declined it) */
  | "duty.cancelled"
  /** to whoever booked a consultation on a duty day (约诊): it is booked */
  | "booking.confirmed"
  /** to the session's expert and the station's staff: someone booked a consultation */
  | "booking.new"
  /** a booking was cancelled: to the expert and the station's staff, and to the booker when staff cancelled it */
  | "booking.cancelled"
  /** visits to companies (巡诊): to the company, planned; to the expert, planned for them by an admin */
  | "visit.planned"
  | "visit.assigned"
  /** the company's answer, to the expert (and the admin who planned it) */
  | "visit.confirmed"
  | "visit.declined"
  /** to the company and the expert, whoever did not cancel it */
  | "visit.cancelled"
  /** the findings are recorded: to the company; and to the district's admins when some need work */
  | "visit.done"
  | "visit.needs_work"
  /** joint consultations (会诊, lib/panels): to the invitee; to the lead and inviter, the answer; to the member removed; to the panel, an opinion */
  | "panel.invited"
  | "panel.accepted"
  | "panel.declined"
  | "panel.removed"
  | "panel.opinion"
  /** to the expert: the year's appraisal grade (年度考核) was recorded or changed, with the comment */
  | "expert.appraised";

/** One kind of notification about one thing, to some users. */
export interface Notice {
  userIds: string[];
  kind: NotificationKind;
  requestId?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Puts a notification in each user's in-app inbox and queues its e-mail, inside the caller's
 * transaction: the inbox row and the mail job exist exactly when the change does, and the mail
 * goes out after commit (the queue retries it while the mail server is down). Several notices go
 * in one insert; their ids are made here, so the mail jobs (one insert too) need not wait for it.
 */
export async function notify(tx: DbOrTx, ...notices: Notice[]): Promise<void> {
  const rows = notices.flatMap((notice) =>
    [...new Set(notice.userIds)].map((userId) => ({
      id: randomUUID(),
      userId,
      kind: notice.kind,
      requestId: notice.requestId ?? null,
      data: notice.data ?? null,
    })),
  );
  if (!rows.length) return;
  await Promise.all([
    tx.insert(notifications).values(rows).execute(),
    enqueueMany(
      tx,
      "notification.email",
      rows.map((row) => ({ notificationId: row.id })),
    ),
  ]);
}
