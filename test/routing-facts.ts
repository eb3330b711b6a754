import type { CandidateFacts, RoutingRequest } from "@/lib/routing/types";

/** A routing request and candidate facts for unit tests: the fitting case, changed field by field. */
export const request: RoutingRequest = {
  id: "r",
  title: "t",
  status: "triaged",
  regionCode: "330421002",
  language: null,
  serviceMode: null,
  urgency: "normal",
  specialties: ["debt_collection"],
  specialtiesFromCategory: false,
  enterpriseId: "e",
  filedByUserId: "u",
  assignedExpertId: null,
  needsAttention: false,
};

export function facts(overrides: Partial<CandidateFacts> = {}): CandidateFacts {
  return {
    expertId: "x",
    name: "x",
    status: "active",
    termStart: "2025-01-01",
    termEnd: "2028-01-01",
    pausedUntil: null,
    capacity: 5,
    homeRegionCode: "330421",
    languages: ["zh"],
    serviceModes: ["onsite"],
    specialties: ["debt_collection"],
    servedRegions: [],
    activeCases: 0,
    pendingOffers: 0,
    offersAccepted: 0,
    offersDeclined: 0,
    offersExpired: 0,
    casesResolved: 0,
    casesReassigned: 0,
    ratingSum: 0,
    ratingCount: 0,
    rotationHeat: 0,
    rotationAt: null,
    conflictParty: null,
    standing: null,
    skipped: false,
    panelMember: false,
    ...overrides,
  };
}
