import type { ServiceLevels } from "./schemas";

/** The settings row holding the service levels. */
export const SERVICE_LEVELS_KEY = "service_levels";

/**
 * What a county law society starts with (installed by `npm run db:migrate`): triage within a working
 * day (two working hours when urgent), the first call to the company within a working day of
 * accepting, a month of silence before a case is chased, a return visit a month after closing, and
 * resolution targets by how much work a category usually takes; urgent requests go to three experts
 * at once.
 */
export const defaultServiceLevels: ServiceLevels = {
  triageHours: 8,
  urgentTriageHours: 2,
  firstContactHours: 8,
  staleDays: 30,
  returnVisitAfterDays: 30,
  resolutionDays: {
    consultation: 5,
    debt_collection: 60,
    contract_dispute: 45,
    lease_dispute: 30,
    labor: 30,
    restructuring: 120,
    ecommerce: 30,
    ip: 60,
    major_mediation: 45,
    petition_backlog: 60,
    risk_prevention: 20,
    compliance_checkup: 20,
  },
  parallelOffers: { normal: 1, urgent: 3 },
};
