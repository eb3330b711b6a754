import type { ExpertStatus, RequestStatus, ServiceMode, Urgency } from "@/lib/enums";

/** What routing needs to know about a request. */
export interface RoutingRequest {
  id: string;
  title: string;
  status: RequestStatus;
  regionCode: string;
  language: string | null;
  serviceMode: ServiceMode | null;
  urgency: Urgency;
  /** The specialties matching looks for: the request's own, or (when it has none) those its category implies. */
  specialties: string[];
  /**
   * True when `specialties` come from the category (category_specialties) because the company chose
   * none: they then raise the experts who have them but rule nobody out (the company was unsure).
   */
  specialtiesFromCategory: boolean;
  enterpriseId: string;
  filedByUserId: string;
  assignedExpertId: string | null;
  needsAttention: boolean;
}

/** How an expert already stands on this request (from its offers and the admin's skips). */
export type StandingHere = "pending" | "accepted" | "declined" | "expired" | "withdrawn" | "reassigned" | null;

/** One compact row per candidate: the routing profile plus the facts about this request. */
export interface CandidateFacts {
  expertId: string;
  /** The profile's copy of the expert's name, for screens (the admin's list); ranking does not use it. */
  name: string;
  status: ExpertStatus;
  termStart: string | null;
  termEnd: string | null;
  pausedUntil: string | null;
  capacity: number;
  homeRegionCode: string;
  languages: string[];
  serviceModes: string[];
  specialties: string[];
  servedRegions: string[];
  activeCases: number;
  pendingOffers: number;
  offersAccepted: number;
  offersDeclined: number;
  offersExpired: number;
  casesResolved: number;
  casesReassigned: number;
  ratingSum: number;
  ratingCount: number;
  rotationHeat: number;
  /** Epoch milliseconds of the heat figure, or null before the first offer. */
  rotationAt: number | null;
  /** The request's party this expert declared a conflict with, if any. */
  conflictParty: string | null;
  standing: StandingHere;
  skipped: boolean;
  /** Invited onto or serving on this request's panel (会诊): a member cannot also be its lead. */
  panelMember: boolean;
}
