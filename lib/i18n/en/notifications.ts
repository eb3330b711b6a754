import type { Shape } from "../shape";
import type { notifications as zh } from "../zh-CN/notifications";

export const notifications: Shape<typeof zh> = {
  inbox: {
    title: "Inbox",
    subtitle: "Offers, status changes, messages and other notices.",
    unread: "{n} unread",
    allRead: "Nothing unread",
    markAllRead: "Mark all as read",
    markRead: "Mark as read",
    empty: "No notifications.",
    open: "Open",
    unreadBadge: "Unread",
    showUnread: "Unread only",
    showAll: "All",
    headerLink: "Inbox ({n} unread)",
  },
  kinds: {
    offer: {
      new: "New case offer: “{title}”. Please answer before the deadline.",
      deadline: "The offer “{title}” is about to expire. Please answer soon.",
      accepted: "An expert accepted “{title}”.",
      declined: "An expert declined “{title}”.",
      withdrawn: "The offer of “{title}” was withdrawn.",
      taken: "Another expert accepted “{title}” first; your offer is withdrawn.",
    },
    request: {
      submitted: "A new request awaits triage: “{title}”.",
      received: "Your request “{title}” has been received; its case number is {caseNumber}.",
      status: "“{title}” is now: {status}.",
      objected: "The company objects to the outcome of “{title}”: the case is back in progress with its expert.",
      returned: "“{title}” was returned: please add the missing information.",
      assigned: "An expert now handles “{title}”.",
      reassigned: "“{title}” was reassigned to another expert.",
      needs_attention: "“{title}” needs attention.",
    },
    message: { new: "{author} wrote on “{title}”." },
    expert: {
      appointed: "You have been appointed a chief legal counsel expert.",
      decision: "There is a decision on your application.",
      rejected: "Your application to join the roster was not approved.",
      change_approved: "The profile change you asked for was approved.",
      change_rejected: "The profile change you asked for was not approved.",
      suspended: "Your place on the roster is suspended: no new cases will be offered meanwhile.",
      active: "Your place on the roster is reinstated.",
      retired: "You have left the roster.",
    },
    enterprise: {
      verification: "The law society has decided on your company's verification.",
      approved:
        "The law society has verified that you act for “{company}”. Requests the service stations filed for your company are now in your company's account.",
      refused:
        "The law society could not verify that you act for “{company}”; requests the service stations filed for that company will not show in your account. Contact the law society with any questions.",
    },
    application: {
      join: "{name} applied to join the roster: the application awaits vetting by your district.",
      change: "Expert {name} asked to change their name or licence number: the change awaits vetting by your district.",
    },
    deadline: {
      reminder: "Due soon: {step} on “{title}”.",
      breached: "Deadline missed: {step} on “{title}” is overdue.",
    },
    renewal: {
      expert: "Your appointment as an expert ends on {termEnd}, in {days} days. Please contact the law society about renewing it.",
      admins: "The appointment of expert {name} ends on {termEnd}, in {days} days: please decide on its renewal.",
    },
    recovery: {
      recorded: "A payment was recorded on “{title}”.",
      reversed: "A payment recorded on “{title}” was reversed.",
      confirmed: "The company confirmed a payment you recorded on “{title}”.",
      queried: "The company queried a payment you recorded on “{title}”.",
    },
    return_visit: { follow_up: "The company was dissatisfied at the return visit of “{title}”: please follow it up and close it." },
    other: "You have a new notification.",
  },
  details: {
    caseNumber: "Case number: {caseNumber}",
    dueAt: "Deadline: {dueAt}",
    dispute: "Dispute with: {counterparty}",
    amount: "Amount received: {amount}",
    amountReversed: "Amount reversed: {amount}",
    reversalReason: "Reason for the reversal: {reason}",
    receivedNext:
      "The law society will review it shortly and match an expert; quote the case number when you ask about it, or call the 12348 legal services hotline.",
    reason: "Note: {reason}",
    referral: "Suggested instead: {referral}",
    excerpt: "“{excerpt}”",
    satisfaction: "Satisfaction at the return visit: {n} stars",
    rating: "Rating: {rating} stars",
    automatic: "The confirmation period passed; the system closed it.",
    despiteQueries: "The company closed the case while a payment it queried was still open.",
  },
  email: {
    subject: "[{app}] {text}",
    greeting: "Dear {name},",
    link: "Sign in to see it: {url}",
    footer: "This message was sent automatically; please do not reply to it.",
  },
  untitled: "(untitled)",
};
