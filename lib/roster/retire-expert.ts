import type { Actor } from "@/lib/authz";
import type { ReasonInput } from "./schemas";
import { changeExpertStatus } from "./change-expert-status";

/**
 * An admin retires an active or suspended expert from the roster, with a reason. Retirement is
 * final (there is no way back from it); 409 from any other status.
 */
export function retireExpert(actor: Actor | null, expertId: string, input: ReasonInput) {
  return changeExpertStatus(
    actor,
    expertId,
    { permission: "expert.retire", from: ["active", "suspended"], to: "retired", eventType: "expert.retired", leavesMatching: true },
    input.reason,
  );
}
