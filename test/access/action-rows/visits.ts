import { todayInShanghai } from "@/lib/clock";
import { addDays } from "@/lib/roster/term";
import { aFindingNeedingWork, aVisit } from "@/test/visit-fixtures";
import type { ActionRows } from "../action-types";

// Visits to world.enterprise (嘉善县) by world.expert, planned by the (unscoped) admin; fresh for each call.
export const rows: ActionRows = {
  "app/(portal)/visits/actions.ts": {
    planVisitAction: {
      permission: "visit.plan",
      input: (world) => ({
        enterpriseId: world.enterprise.enterpriseId,
        expertId: world.expert.expertId,
        visitOn: addDays(todayInShanghai(), 10),
        purpose: "法治体检",
      }),
      expect: { expert: "ok", admin: "ok", otherDistrictAdmin: "forbidden" },
    },
    confirmVisitAction: {
      permission: "visit.answer",
      input: async (world) => ({ visitId: await aVisit(world) }),
      expect: { enterprise: "ok", otherEnterprise: "not_found" },
    },
    declineVisitAction: {
      permission: "visit.answer",
      input: async (world) => ({ visitId: await aVisit(world), reason: "当天公司盘点，请改期" }),
      expect: { enterprise: "ok", otherEnterprise: "not_found" },
    },
    cancelVisitAction: {
      permission: "visit.plan",
      input: async (world) => ({ visitId: await aVisit(world), reason: "专家临时出差" }),
      expect: { expert: "ok", admin: "ok", otherDistrictAdmin: "not_found" },
    },
    recordFindingsAction: {
      permission: "visit.record",
      input: async (world) => ({
        visitId: await aVisit(world, { inDays: 0, confirmed: true }),
        summary: "整体规范",
        findings: [{ finding: "章程未及时修订", recommendation: "召开股东会修订章程", needsWork: true }],
      }),
      expect: { expert: "ok" },
    },
    findingRequestAction: {
      permission: "request.create",
      input: async (world) => ({ findingId: (await aFindingNeedingWork(world)).findingId }),
      // Station staff file requests, but see no visits.
      expect: { enterprise: "ok", otherEnterprise: "not_found", station: "forbidden", admin: "ok", otherDistrictAdmin: "not_found" },
    },
  },
  "app/(portal)/account/calendar-actions.ts": {
    resetCalendarFeedAction: { permission: "calendar.feed", expect: { expert: "ok", station: "ok" } },
  },
};
