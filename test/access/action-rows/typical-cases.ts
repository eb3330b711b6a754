import { draftTypicalCase } from "@/lib/typical-cases/draft-typical-case";
import { publishTypicalCase } from "@/lib/typical-cases/publish-typical-case";
import { fileAs, moveTo } from "@/test/request-fixtures";
import type { ActionRows, ActionWorld } from "../action-types";

// A fresh closed case in 嘉善县 for each call, and a draft (or a published case) of it.
const aClosedCase = async (world: ActionWorld) => {
  const requestId = await fileAs(world.enterprise);
  await moveTo(requestId, "closed", world.expert);
  return requestId;
};
const text = { titleZh: "拖欠货款三年，一月追回", storyZh: "专家约见双方，促成分期付款协议。", companyConsent: false };
const aDraft = async (world: ActionWorld) => (await draftTypicalCase(world.admin, { requestId: await aClosedCase(world), ...text })).id;

// Only the admins of the case's district (an unscoped admin counts for every one) touch its typical case.
const districtAdmins = { admin: "ok", otherDistrictAdmin: "not_found" } as const;

export const rows: ActionRows = {
  "app/(portal)/admin/typical-cases/actions.ts": {
    draftTypicalCaseAction: {
      permission: "typicalCase.manage",
      input: async (world) => ({ requestId: await aClosedCase(world), ...text }),
      expect: districtAdmins,
    },
    updateTypicalCaseAction: {
      permission: "typicalCase.manage",
      input: async (world) => ({ id: await aDraft(world), ...text, storyZh: "专家约见双方，促成和解。" }),
      expect: districtAdmins,
    },
    publishTypicalCaseAction: {
      permission: "typicalCase.manage",
      input: async (world) => ({ id: await aDraft(world) }),
      expect: districtAdmins,
    },
    withdrawTypicalCaseAction: {
      permission: "typicalCase.manage",
      input: async (world) => {
        const id = await aDraft(world);
        await publishTypicalCase(world.admin, id);
        return { id };
      },
      expect: districtAdmins,
    },
  },
};
