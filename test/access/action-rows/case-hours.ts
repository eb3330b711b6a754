import { todayInShanghai } from "@/lib/clock";
import { fileAs, moveTo } from "@/test/request-fixtures";
import type { ActionRows } from "../action-types";

export const rows: ActionRows = {
  "app/(portal)/case-hours/actions.ts": {
    recordCaseHoursAction: {
      permission: "caseHours.write",
      // A fresh case of world.enterprise's, accepted by world.expert: the expert holding it records hours.
      input: async (world) => {
        const requestId = await fileAs(world.enterprise);
        await moveTo(requestId, "accepted", world.expert);
        return { requestId, workedOn: todayInShanghai(), hours: "1.5", note: "审阅合同" };
      },
      expect: { expert: "ok" },
    },
  },
};
