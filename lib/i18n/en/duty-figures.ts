import type { Shape } from "../shape";
import type { dutyFigures as zh } from "../zh-CN/duty-figures";

export const dutyFigures: Shape<typeof zh> = {
  errors: {
    minutes: "Minutes come in half-hour steps (a multiple of 30), from 30 to 1440 per entry.",
    hours: "Enter the hours in half-hour steps, e.g. 1.5; at most 24 per entry.",
    workedOnFuture: "The date cannot be later than today.",
    workedOnBeforeAccepted: "The date cannot be before the day you accepted the case.",
    caseClosed: "The case is closed: no more hours can be recorded.",
  },
  caseHours: {
    title: "Hours on this case",
    hint: "Record the time you worked on this case, in half hours; it counts towards your service hours.",
    total: "{hours} h in total",
    empty: "No hours recorded yet.",
    hoursValue: "{hours} h",
    workedOn: "Day worked",
    hours: "Hours",
    hoursHint: "In half-hour steps, e.g. 0.5, 1, 2.5.",
    note: "What you did (optional)",
    notePlaceholder: "e.g. reviewed the contract, drafted a demand letter",
    submit: "Record hours",
    done: "Hours recorded.",
    closed: "The case is closed; its hours no longer change.",
  },
  columns: {
    sessionsHeld: "Duty sessions held",
    consultationsGiven: "Consultations given",
    bookingsNoShow: "Bookings not attended",
    requestsFromConsultations: "Requests from consultations",
    serviceHours: "Service hours",
    dutyHours: "Duty hours",
    caseHours: "Case hours",
  },
  dashboard: {
    title: "Duty days / 坐诊",
    hint: "Duty sessions held in the period, consultations given, and the experts' service hours (3.5 h for a half-day session, 7 h for a whole day, plus the hours recorded on cases). Case hours count under the station that filed the request.",
    byStation: "By station",
    byExpert: "By expert",
    empty: "No duty sessions held or hours recorded in this period.",
    total: "Total",
    hoursSplit: "duty {duty} h · cases {cases} h",
  },
  impact: {
    sessionsHeld: "Duty sessions held",
    consultationsGiven: "Consultations given",
  },
};
