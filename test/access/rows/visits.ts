import { todayInShanghai } from "@/lib/clock";
import { addDays } from "@/lib/roster/term";
import { aFindingNeedingWork, aVisit } from "@/test/visit-fixtures";
import type { AccessRow, World } from "../types";

// Visits to world.enterprise (嘉善县) by world.expert, planned by the (unscoped) admin; fresh for each call.
const visitOf = (world: World, options: { inDays?: number; confirmed?: boolean } = {}) => aVisit(world, options);

export const rows: AccessRow[] = [
  {
    route: "POST /api/v1/enterprises/[id]/visits",
    setup: (world) => ({
      params: { id: world.enterprise.enterpriseId! },
      body: { expertId: world.expert.expertId, visitOn: addDays(todayInShanghai(), 10), purpose: "法治体检" },
    }),
    // An expert for themself, an admin of the company's district; another district's admin sees the company but may not plan.
    expect: { anonymous: 401, enterprise: 403, otherEnterprise: 403, expert: 201, station: 403, admin: 201, otherDistrictAdmin: 403 },
  },
  {
    route: "GET /api/v1/visits",
    setup: async (world) => {
      await visitOf(world);
      return {};
    },
    expect: { anonymous: 401, enterprise: 200, otherEnterprise: 200, expert: 200, station: 403, admin: 200, otherDistrictAdmin: 200 },
  },
  {
    route: "GET /api/v1/visits/[id]",
    setup: async (world) => ({ params: { id: await visitOf(world) } }),
    expect: { anonymous: 401, enterprise: 200, otherEnterprise: 404, expert: 200, station: 403, admin: 200, otherDistrictAdmin: 404 },
  },
  {
    route: "POST /api/v1/visits/[id]/confirm",
    setup: async (world) => ({ params: { id: await visitOf(world) } }),
    expect: { anonymous: 401, enterprise: 200, otherEnterprise: 404, expert: 403, station: 403, admin: 403, otherDistrictAdmin: 403 },
  },
  {
    route: "POST /api/v1/visits/[id]/decline",
    setup: async (world) => ({ params: { id: await visitOf(world) }, body: { reason: "当天公司盘点，请改期" } }),
    expect: { anonymous: 401, enterprise: 200, otherEnterprise: 404, expert: 403, station: 403, admin: 403, otherDistrictAdmin: 403 },
  },
  {
    route: "POST /api/v1/visits/[id]/cancel",
    setup: async (world) => ({ params: { id: await visitOf(world) }, body: { reason: "专家临时出差" } }),
    expect: { anonymous: 401, enterprise: 403, otherEnterprise: 403, expert: 200, station: 403, admin: 200, otherDistrictAdmin: 404 },
  },
  {
    route: "POST /api/v1/visits/[id]/findings",
    setup: async (world) => ({
      params: { id: await visitOf(world, { inDays: 0, confirmed: true }) },
      body: { summary: "整体规范", findings: [{ finding: "章程未及时修订", recommendation: "召开股东会修订章程", needsWork: true }] },
    }),
    expect: { anonymous: 401, enterprise: 403, otherEnterprise: 403, expert: 201, station: 403, admin: 403, otherDistrictAdmin: 403 },
  },
  {
    route: "POST /api/v1/visit-findings/[id]/request",
    setup: async (world) => ({ params: { id: (await aFindingNeedingWork(world)).findingId } }),
    // The company itself, or an admin of its district on its behalf; the expert asks by marking the finding.
    expect: { anonymous: 401, enterprise: 201, otherEnterprise: 404, expert: 403, station: 403, admin: 201, otherDistrictAdmin: 404 },
  },
];
