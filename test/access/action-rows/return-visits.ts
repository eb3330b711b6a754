import { recordReturnVisit } from "@/lib/requests/record-return-visit";
import { fileAs, moveTo } from "@/test/request-fixtures";
import type { ActionRows, ActionWorld } from "../action-types";

// A fresh follow-up for each call: a closed case in 嘉善县 whose return visit found the company dissatisfied.
const aFollowUp = async (world: ActionWorld) => {
  const requestId = await fileAs(world.enterprise);
  await moveTo(requestId, "closed", world.expert);
  const visit = await recordReturnVisit(world.admin, requestId, { visitedOn: "2026-01-05", method: "phone", satisfaction: 1 });
  return visit.followUpId!;
};

export const rows: ActionRows = {
  "app/(portal)/admin/return-visits/actions.ts": {
    closeFollowUpAction: {
      permission: "request.returnVisit",
      input: async (world) => ({ followUpId: await aFollowUp(world), note: "已约企业负责人面谈，问题已解决" }),
      // Only the admins of the case's district (an unscoped admin counts for every one) close it.
      expect: { admin: "ok", otherDistrictAdmin: "not_found" },
    },
  },
};
