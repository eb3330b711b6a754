import type { Shape } from "../shape";
import type { timeliness as zh } from "../zh-CN/timeliness";

export const timeliness: Shape<typeof zh> = {
  errors: {
    hours: "Enter a whole number of working hours from 1 to 300.",
    days: "Enter a whole number of days from 1 to 365.",
    offers: "Enter a whole number from 1 to 5.",
    urgentLonger: "Urgent requests cannot have a longer triage time than others.",
  },
  settings: {
    title: "Service levels",
    subtitle:
      "How long each step of a request may take. The person who owes a step is reminded before its deadline; a missed deadline is recorded as a breach and the district's admins are told. Changes are recorded in the audit trail.",
    steps: "Deadlines for each step",
    triageHours: "Triage (working hours)",
    urgentTriageHours: "Triage of an urgent request (working hours)",
    firstContactHours: "First contact with the company after accepting (working hours)",
    staleDays: "Reminder when a case goes quiet (days)",
    returnVisitAfterDays: "Return visit after closing (days)",
    workingHoursHint: "Counted in working time: working days 8:30–12:00 and 13:30–17:30, without public holidays, with make-up working days.",
    hints: {
      staleDays: "After this many days without any activity the expert is reminded; a week later, if still quiet, the admins are told.",
      returnVisitAfterDays: "This many days after closing, the case joins the return-visit worklist.",
    },
    resolutionDays: "Resolution targets (working days)",
    resolutionHint: "From the expert's acceptance, by category of request.",
    parallelOffers: "Experts offered at once",
    parallelHint: "How many experts are offered a request at the same time; the first to accept takes it and the other offers are withdrawn.",
    save: "Save service levels",
    saved: "Service levels saved.",
    calendarKnown: "The holiday calendar includes the public holidays and make-up working days of {known}.",
    calendarMissing:
      "The holiday calendar does not yet include the public holidays and make-up working days of {year} (it ends with {known}). Until it is updated, deadlines in {year} count Monday to Friday only; once the State Council publishes the year's arrangements, ask whoever maintains the system to update it.",
  },
};
