import type { ActionRows } from "../action-types";
import { aColleague, newColleague, pendingCompany } from "../sample-inputs";

export const rows: ActionRows = {
  "app/(portal)/company/members/actions.ts": {
    // Each member invites into their own company, so the other company's member succeeds too.
    inviteMemberAction: { permission: "enterprise.members", input: newColleague, expect: { enterprise: "ok", otherEnterprise: "ok" } },
    // A colleague of the world's company: its member removes them; another company's member is told it does not exist.
    removeMemberAction: {
      permission: "enterprise.members",
      input: async (world) => ({ userId: await aColleague(world) }),
      expect: { enterprise: "ok", otherEnterprise: "not_found" },
    },
  },
  "app/(portal)/admin/enterprises/actions.ts": {
    // The company's credit code is of 嘉善县: the admin of 青浦区 may not decide.
    decideVerificationAction: {
      permission: "enterprise.verify",
      input: async () => ({ enterpriseId: await pendingCompany(), approve: "true", reason: "已核对营业执照和授权委托书" }),
      expect: { admin: "ok", otherDistrictAdmin: "forbidden" },
    },
  },
};
