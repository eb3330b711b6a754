import type { ActionRows } from "../action-types";
import { aClosedReferral } from "../rows/major-work";

export const rows: ActionRows = {
  "app/(portal)/admin/appraisals/actions.ts": {
    gradeExpertAction: {
      permission: "appraisal.grade",
      input: (world) => ({ expertId: world.expert.expertId, year: 2026, grade: "competent", comment: "全年按时响应。" }),
      expect: { admin: "ok", otherDistrictAdmin: "forbidden" },
    },
  },
  "app/(portal)/requests/[id]/reply-letter/actions.ts": {
    issueReplyLetterAction: {
      permission: "referral.reply",
      input: async (world) => ({ requestId: await aClosedReferral(world) }),
      expect: { admin: "ok", otherDistrictAdmin: "not_found" },
    },
  },
};
