/**
 * The cache tags of public data (the same for every visitor), and which tables feed each: the one
 * place that says what a change invalidates. A committed change to one of these tables announces
 * the table's name (triggers of migrations 0036 and 0056, on PostgreSQL's channel below), and every app
 * process expires the tags listed for it (./listen.ts), its own included.
 */
export const publicTags = {
  specialties: "public:specialties",
  regions: "public:regions",
  /** The public figures: home page, impact page, GET /api/v1/stats. */
  stats: "public:stats",
  /** How many experts have a current appointment, per county (part of the public figures). */
  activeExperts: "public:active-experts",
  /** The directory's pages (/experts, GET /api/v1/experts): its first page, and searches and filters. */
  directory: "public:directory",
  typicalCases: "public:typical-cases",
  commended: "public:commended",
} as const;

export type PublicTag = (typeof publicTags)[keyof typeof publicTags];

/** The channel the tables' triggers announce on. */
export const PUBLIC_CHANGE_CHANNEL = "public_cache";

const t = publicTags;

/** For each announcing table, the tags its changes expire. */
export const tagsFedBy: Record<string, readonly PublicTag[]> = {
  specialties: [t.specialties],
  regions: [t.regions, t.stats, t.commended],
  // Status, term, profile: who is listed, what the cards say, the count of active experts.
  experts: [t.directory, t.stats, t.activeExperts, t.commended],
  expert_specialties: [t.directory],
  expert_regions: [t.directory],
  // Cases resolved and ratings order the directory and show on its cards: announced only when an
  // expert's track record moves (migration 0056), not on every step of a request.
  expert_routing_profiles: [t.directory],
  typical_cases: [t.typicalCases],
  appraisals: [t.commended],
};

/**
 * Tags expired by time instead, every FIGURES_EXPIRE_MS in every process: the figures are summed from
 * the rollups, which every filing, resolution and recovery moves. Announcing each of those would wake
 * every process each time, and NOTIFY holds one lock for the whole database from a transaction's
 * commit until it is on disk (migration 0055), so every filing would wait for every other's. A moved
 * figure is served within a second all the same, and summed at most twice a second per process.
 */
export const tagsExpiredByTime: readonly PublicTag[] = [t.stats];
export const FIGURES_EXPIRE_MS = 500;

/** Every tag: what a process expires when it may have missed announcements (on reconnecting). */
export const allPublicTags: readonly PublicTag[] = Object.values(publicTags);
