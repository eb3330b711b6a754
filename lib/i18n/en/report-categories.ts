import type { Shape } from "../shape";
import type { reportCategories as zh } from "../zh-CN/report-categories";

export const reportCategories: Shape<typeof zh> = {
  outcome: {
    open: "Still being handled",
    resolved: "Resolved",
    partly_resolved: "Partly resolved",
    unresolved: "Unresolved",
    withdrawn: "Withdrawn",
    rejected: "Declined by the society",
  },
  outcomeNote:
    "A request's outcome is where it stands now: “still being handled” until it is resolved; once resolved or closed, “resolved” when every dispute not withdrawn was resolved (or it had none), “partly resolved” when some were, “unresolved” when none were; “withdrawn” when the company withdrew it, “declined” when the society did not take it on.",
  impact: {
    title: "Our work by category",
    intro: "All years together, per category of work: requests handled, disputes resolved and money recovered.",
    requestsHandled: "Requests handled",
    empty: "No figures yet.",
  },
};
