import { can, requirePermission, type Actor } from "@/lib/authz";
import { notFound, unauthorized } from "@/lib/errors";

/**
 * A company's colleagues are its own members' business: anyone else signed in (another company,
 * an expert, a station, an admin) gets 404, as the contract says, and nobody learns whether the
 * company exists. Throws 401 without an actor.
 */
export function requireMember(actor: Actor | null, enterpriseId: string): Actor {
  if (!actor) throw unauthorized();
  if (!can(actor.role, "enterprise.members") || actor.enterpriseId === null || actor.enterpriseId !== enterpriseId) throw notFound();
  return requirePermission(actor, "enterprise.members");
}
