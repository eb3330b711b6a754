import type { Actor } from "@/lib/authz";
import type { ReasonInput } from "./schemas";
import { changeExpertStatus } from "./change-expert-status";

/**
 * An admin reinstates a suspended expert, with a reason; they are public again while their term
 * is current. 409 unless the expert is suspended.
 */
export function reinstateExpert(actor: Actor | null, expertId: string, input: ReasonInput) {
  return changeExpertStatus(
    actor,
    expertId,
    { permission: "expert.reinstate", from: ["suspended"], to: "active", eventType: "expert.reinstated" },
    input.reason,
  );
}
