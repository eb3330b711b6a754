import type { Shape } from "../shape";
import type { home as zh } from "../zh-CN/home";

export const home: Shape<typeof zh> = {
  hero: {
    title: "A legal problem in your business? Ask a chief legal counsel.",
    body: "The county law society keeps a roster of vetted lawyers, mediators and law professors from across the Delta. Businesses and grassroots service stations file a request; the society matches it to the right expert and follows it until the disputes are settled and the money is recovered.",
    ask: "File a legal request",
    browse: "Browse the experts",
  },
  figures: {
    title: "Impact",
    expertsActive: "Active experts",
    requestsFiled: "Requests filed",
    requestsResolved: "Requests resolved",
    disputesResolved: "Disputes resolved",
    recovered: "Funds recovered",
  },
  how: {
    title: "How it works",
    step1: "File a request online, or at a grassroots service station.",
    step2: "The law society reviews it and matches an expert by specialty, region and workload.",
    step3: "The expert takes the case: negotiation, mediation or litigation, with progress you can follow.",
    step4: "Once disputes are settled and money recorded, the case closes and the society follows up.",
  },
  forExperts: {
    title: "Lawyers, mediators and legal scholars",
    body: "Apply to join the roster. Vetted experts are appointed for three-year terms.",
    cta: "Apply to join",
  },
  portal: {
    welcome: "Hello, {name}",
    enterprise: { title: "My requests", empty: "You have not filed a request yet.", cta: "File a new request" },
    expert: {
      title: "My cases",
      empty: "No cases at the moment.",
      pendingOffers: "Offers awaiting your answer",
      load: "Active cases {active} / capacity {capacity}",
      term: "Appointed until {date}",
    },
    station: { title: "Requests filed by this station", empty: "This station has not filed a request yet.", cta: "File a request for a walk-in" },
    admin: {
      title: "Overview",
      awaitingTriage: "Awaiting triage",
      needsAttention: "Needs attention",
      pendingOffers: "Offers pending",
      pendingApplications: "Applications to vet",
      activeCases: "Active cases",
      expiringSoon: "Appointments ending within 90 days",
      failedJobs: "Failed background jobs (past week)",
      recent: "Latest requests",
      openBreaches: "Missed deadlines not yet done",
      openBreachesMore: "All missed deadlines ({n})",
      lateBy: "{hours} working hours late",
    },
  },
};
