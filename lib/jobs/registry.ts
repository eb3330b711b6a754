import { sendPasswordLinkEmail } from "@/lib/accounts/send-password-link";
import { sendResetLink } from "@/lib/accounts/request-password-reset";
import { pruneLoginThrottle } from "@/lib/auth/login-throttle";
import { sendNotificationEmail } from "@/lib/notifications/send-email";
import { compactRollups } from "@/lib/reports/compact-rollups";
import { autoCloseRequest, closeOverdueResolvedRequests } from "@/lib/requests/auto-close";
import { expireDueOffers, expireOffer } from "@/lib/routing/expire-offers";
import { remindOffer } from "@/lib/routing/remind-offer";
import { endDueAppointments } from "@/lib/roster/end-appointments";
import { sweepDeadlines } from "@/lib/timeliness/sweep";
import type { JobHandlers } from "./names";

/**
 * What runs each background job (names and data in names.ts). Imported only where a process
 * starts (lib/server-start.ts, the test database), which registers it with the queue
 * (`registerJobHandlers`): the use cases that enqueue jobs never import their handlers.
 */
export const jobHandlers: JobHandlers = {
  "system.noop": async () => {},
  "notification.email": sendNotificationEmail,
  "account.password-link": sendPasswordLinkEmail,
  "account.reset-requested": sendResetLink,
  "request.auto-close": autoCloseRequest,
  "request.auto-close-sweep": () => closeOverdueResolvedRequests(),
  "routing.expire-offer": (data) => expireOffer(data.offerId),
  "routing.remind-offer": (data) => remindOffer(data.offerId),
  "routing.expire-due-offers": () => expireDueOffers(),
  "roster.end-appointments": () => endDueAppointments(),
  "auth.prune-login-throttle": () => pruneLoginThrottle(),
  "timeliness.sweep": () => sweepDeadlines(),
  "reports.compact-rollups": () => compactRollups(),
};
