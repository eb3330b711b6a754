import type { Actor } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { addDays } from "@/lib/duty/dates";
import { planDutySessions } from "@/lib/duty/plan-sessions";

let serial = 0;

/** A date no fixture session has used yet, from tomorrow on (each expert is in one place per half-day). */
export function freshDutyDate(): string {
  serial += 1;
  return addDays(todayInShanghai(), serial);
}

/** A planned morning session at the planner's station (station staff) or at `stationId`, for the expert, on a fresh date. */
export async function plannedSession(planner: Actor, expert: Actor, stationId = planner.stationId!): Promise<string> {
  const { ids } = await planDutySessions(planner, stationId, { expertId: expert.expertId!, date: freshDutyDate(), period: "am", slots: 4 });
  return ids[0]!;
}
