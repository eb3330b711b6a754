import type { Actor } from "@/lib/authz";

export const actorKinds = ["anonymous", "enterprise", "otherEnterprise", "expert", "station", "admin", "otherDistrictAdmin"] as const;
export type ActorKind = (typeof actorKinds)[number];

/**
 * The actors every access row is tried with; otherEnterprise owns nothing the others made;
 * otherDistrictAdmin is an admin of another district of the zone (青浦区), so the world's records
 * (嘉善县) are outside their district.
 */
export interface World {
  enterprise: Actor;
  otherEnterprise: Actor;
  expert: Actor;
  station: Actor;
  admin: Actor;
  otherDistrictAdmin: Actor;
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
