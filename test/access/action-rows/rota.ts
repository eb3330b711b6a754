import { freshDutyDate, plannedSession } from "../../rota-fixtures";
import type { ActionRows, ActionWorld } from "../action-types";

// The world's station (嘉善县): its staff and the admins of its district plan and cancel; another
// district's admin is refused. Only the session's expert answers it.
const planners = { station: "ok", admin: "ok", otherDistrictAdmin: "forbidden" } as const;
const aSession = async (world: ActionWorld) => ({ sessionId: await plannedSession(world.station, world.expert) });

export const rows: ActionRows = {
  "app/(portal)/rota/actions.ts": {
    planDutyAction: {
      permission: "duty.plan",
      input: (world) => ({ stationId: world.station.stationId, expertId: world.expert.expertId, date: freshDutyDate(), period: "day", slots: "5" }),
      expect: planners,
    },
    cancelDutyAction: { permission: "duty.plan", input: aSession, expect: planners },
  },
  "app/(portal)/duty/actions.ts": {
    confirmDutyAction: { permission: "duty.answer", input: aSession, expect: { expert: "ok" } },
    confirmAllDutyAction: {
      permission: "duty.answer",
      input: async (world) => ({ sessionIds: [(await aSession(world)).sessionId, (await aSession(world)).sessionId] }),
      expect: { expert: "ok" },
    },
    declineDutyAction: {
      permission: "duty.answer",
      input: async (world) => ({ ...(await aSession(world)), reason: "当天开庭" }),
      expect: { expert: "ok" },
    },
  },
};
