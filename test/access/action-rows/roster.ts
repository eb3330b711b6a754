import { addConflict } from "@/lib/roster/conflicts";
import { createExpertActor } from "../../fixtures";
import type { ActionRows } from "../action-types";
import { pendingApplication } from "../sample-inputs";

/** A fresh expert of 嘉善县 to act on (a term that has run out, so it can be renewed). */
const anExpert = async (status: "active" | "suspended" = "active") => (await createExpertActor({ status, termStart: "2020-01-01" })).expertId!;

// Each expert is managed by the admins of their home region's district (嘉善县 here); an admin of another
// district sees them but may not change them (lib/authz.ts outsideDistrict: "forbidden").
const admins = { admin: "ok", otherDistrictAdmin: "forbidden" } as const;

export const rows: ActionRows = {
  "app/(portal)/admin/experts/actions.ts": {
    renewExpertAction: {
      permission: "expert.renew",
      input: async () => ({ expertId: await anExpert(), reason: "续聘", termYears: "3" }),
      expect: admins,
    },
    suspendExpertAction: {
      permission: "expert.suspend",
      input: async () => ({ expertId: await anExpert(), reason: "执业证年检未通过" }),
      expect: admins,
    },
    reinstateExpertAction: {
      permission: "expert.reinstate",
      input: async () => ({ expertId: await anExpert("suspended"), reason: "年检已通过" }),
      expect: admins,
    },
    retireExpertAction: { permission: "expert.retire", input: async () => ({ expertId: await anExpert(), reason: "本人申请退出" }), expect: admins },
    sendInvitationAction: { permission: "expert.invite", input: async () => ({ expertId: await anExpert() }), expect: admins },
  },
  "app/(portal)/admin/applications/actions.ts": {
    checkApplicationAction: {
      permission: "application.check",
      input: async (world) => ({ applicationId: await pendingApplication(world, false), item: "licence_verified", checked: "true" }),
      expect: admins,
    },
    decideApplicationAction: {
      permission: "application.decide",
      input: async (world) => ({ applicationId: await pendingApplication(world, true), approve: "true", reason: "审核通过", termYears: "3" }),
      expect: admins,
    },
  },
  "app/(portal)/profile/actions.ts": {
    // The profile form's many fields are the profile tests' business; here only who gets past the gate.
    updateProfileAction: { permission: "expert.updateOwnProfile" },
    addConflictAction: { permission: "expert.updateOwnProfile", input: () => ({ companyName: "嘉兴某贸易有限公司" }), expect: { expert: "ok" } },
    removeConflictAction: {
      permission: "expert.updateOwnProfile",
      // Another expert's conflict: to the world's expert it does not exist.
      input: async () => ({ id: (await addConflict(await createExpertActor(), { companyName: "嘉兴某贸易有限公司", note: undefined })).id }),
      expect: { expert: "not_found" },
    },
  },
};
