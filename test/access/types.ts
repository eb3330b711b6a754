import type { Actor } from "@/lib/authz";

export const actorKinds = ["anonymous", "enterprise", "otherEnterprise", "expert", "station", "admin"] as const;
export type ActorKind = (typeof actorKinds)[number];

/** The actors every access row is tried with; otherEnterprise owns nothing the others made. */
export interface World {
  enterprise: Actor;
  otherEnterprise: Actor;
  expert: Actor;
  station: Actor;
  admin: Actor;
}

export interface Call {
  params?: Record<string, string>;
  body?: unknown;
  query?: string;
}

export interface AccessRow {
  /** "METHOD /api/v1/path/[param]" exactly as the file system names the route. */
  route: string;
  /** Builds fresh records for one call (run once per actor, so one actor's success cannot affect another's). */
  setup?: (world: World) => Promise<Call> | Call;
  /** The status each actor must get. */
  expect: Record<ActorKind, number>;
}
