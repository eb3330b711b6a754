import { aColleague, newColleague, pendingCompany } from "../sample-inputs";
import type { AccessRow } from "../types";

// A company's colleagues are its members' business: everyone else signed in, admins included, gets 404.
const membersOnly = (ok: number) => ({
  anonymous: 401,
  enterprise: ok,
  otherEnterprise: 404,
  expert: 404,
  station: 404,
  admin: 404,
  otherDistrictAdmin: 404,
});

export const rows: AccessRow[] = [
  {
    route: "GET /api/v1/enterprises/[id]/members",
    setup: (world) => ({ params: { id: world.enterprise.enterpriseId! } }),
    expect: membersOnly(200),
  },
  {
    route: "POST /api/v1/enterprises/[id]/members",
    setup: (world) => ({ params: { id: world.enterprise.enterpriseId! }, body: newColleague() }),
    expect: membersOnly(201),
  },
  {
    route: "DELETE /api/v1/enterprises/[id]/members/[userId]",
    setup: async (world) => ({ params: { id: world.enterprise.enterpriseId!, userId: await aColleague(world) } }),
    expect: membersOnly(204),
  },
  {
    // The pending company's code is of 嘉善县: the admin of 青浦区 sees it but does not decide (403).
    route: "POST /api/v1/enterprises/[id]/verification",
    setup: async () => ({ params: { id: await pendingCompany() }, body: { approve: true, reason: "已核对营业执照和授权委托书" } }),
    expect: { anonymous: 401, enterprise: 403, otherEnterprise: 403, expert: 403, station: 403, admin: 200, otherDistrictAdmin: 403 },
  },
];
