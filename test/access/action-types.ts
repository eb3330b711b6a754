import type { UserRole } from "@/lib/enums";
import type { Permission } from "@/lib/authz";
import type { ErrorCode } from "@/lib/errors";
import type { World } from "./types";

/**
 * Who calls each server action. otherEnterprise owns nothing the others made; otherDistrictAdmin
 * is an admin of another district of the zone (青浦区), so the world's records (嘉善县) are outside their scope;
 * scopedToken is an admin's API token limited to `me.read`.
 */
export const actionCallerKinds = [
  "anonymous",
  "enterprise",
  "otherEnterprise",
  "expert",
  "station",
  "admin",
  "otherDistrictAdmin",
  "scopedToken",
] as const;
export type ActionCallerKind = (typeof actionCallerKinds)[number];

/** The role each signed-in kind has, which lib/authz.ts decides on. */
export const roleOf: Record<Exclude<ActionCallerKind, "anonymous">, UserRole> = {
  enterprise: "enterprise",
  otherEnterprise: "enterprise",
  expert: "expert",
  station: "station",
  admin: "admin",
  otherDistrictAdmin: "admin",
  scopedToken: "admin",
};

export type ActionWorld = World;

/**
 * "ok": the action succeeds. "allowed": the caller gets past the permission check, whatever the
 * use case then says (minimal input may well be invalid_input or not_found) but never a 401, a 403
 * or an internal error. Otherwise the error code the caller must get.
 */
export type Outcome = "ok" | "allowed" | ErrorCode;

export interface ActionRow {
  /** The permission the action is built with, as its action(...) says; the suite fails when they differ. */
  permission: Permission | "public";
  /** Builds fresh records for one call and returns the action's input (run once per caller); `{}` without it. */
  input?: (world: ActionWorld) => Promise<unknown> | unknown;
  /**
   * What a caller the permission table lets in gets instead of "allowed", where the use case decides
   * more (whose record it is, the admin's district). Those the table keeps out always get 401/403.
   */
  expect?: Partial<Record<ActionCallerKind, Outcome>>;
}

/** Rows by the action file's path from the root, then by the exported action's name. */
export type ActionRows = Record<string, Record<string, ActionRow>>;
