import { createExpertActor } from "@/test/fixtures";
import { invitedOnFreshCase, putOnPanel } from "@/test/panel-fixtures";
import { fileAs, moveTo } from "@/test/request-fixtures";
import type { ActionRows, ActionWorld } from "../action-types";

/** A fresh case of world.enterprise's held by world.expert (the lead). */
const aLedCase = async (world: ActionWorld) => {
  const requestId = await fileAs(world.enterprise);
  await moveTo(requestId, "accepted", world.expert);
  return requestId;
};

// The lead (world.expert) and the admins of the case's district manage its panel; another district's admin does not see the case.
const managers = { expert: "ok", admin: "ok", otherDistrictAdmin: "not_found" } as const;

export const rows: ActionRows = {
  "app/(portal)/requests/panel-actions.ts": {
    invitePanelMemberAction: {
      permission: "panel.manage",
      input: async (world) => ({ requestId: await aLedCase(world), expertId: (await createExpertActor()).expertId }),
      expect: managers,
    },
    acceptPanelInvitationAction: {
      permission: "panel.answer",
      input: async (world) => ({ memberId: (await invitedOnFreshCase(world.enterprise, world.expert)).memberId }),
      expect: { expert: "ok" },
    },
    declinePanelInvitationAction: {
      permission: "panel.answer",
      input: async (world) => ({ memberId: (await invitedOnFreshCase(world.enterprise, world.expert)).memberId, reason: "当天开庭" }),
      expect: { expert: "ok" },
    },
    removePanelMemberAction: {
      permission: "panel.manage",
      input: async (world) => {
        const requestId = await aLedCase(world);
        return { requestId, memberId: await putOnPanel(requestId, await createExpertActor(), world.expert, "accepted") };
      },
      expect: managers,
    },
    addCaseNoteAction: {
      permission: "panel.notes",
      input: async (world) => ({ requestId: await aLedCase(world), body: "已核对合同原件" }),
      expect: managers,
    },
    recordPanelOpinionAction: {
      permission: "panel.manage",
      input: async (world) => ({ requestId: await aLedCase(world), body: "建议先发律师函，再申请支付令。" }),
      expect: managers,
    },
  },
};
