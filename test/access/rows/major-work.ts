import { fileAs, moveTo } from "@/test/request-fixtures";
import type { AccessRow, World } from "../types";

// The society's major work: the annual appraisal, the annual report, a referral's reply letter.

const adminOnly = (ok: number, otherDistrict = ok) => ({
  anonymous: 401,
  enterprise: 403,
  otherEnterprise: 403,
  expert: 403,
  station: 403,
  admin: ok,
  otherDistrictAdmin: otherDistrict,
});

/** A fresh referral in 嘉善县, filed by the world's admin and closed, so its reply letter can be issued. */
export async function aClosedReferral(world: World): Promise<string> {
  const id = await fileAs(world.admin, {
    channel: "referral",
    referredBy: { body: "县信访局", kind: "petitions", contactName: "李科长", contactPhone: "0573-84000000" },
    enterprise: { kind: "group", name: "某村村民", contactName: "王先生", contactPhone: "13800000000" },
  });
  await moveTo(id, "closed", world.expert);
  return id;
}

export const rows: AccessRow[] = [
  { route: "GET /api/v1/appraisals", setup: () => ({ query: "year=2026" }), expect: adminOnly(200) },
  {
    route: "PUT /api/v1/experts/[id]/appraisals/[year]",
    setup: (world) => ({ params: { id: world.expert.expertId!, year: "2026" }, body: { grade: "competent", comment: "全年按时响应。" } }),
    expect: adminOnly(200, 403),
  },
  { route: "GET /api/v1/reports/annual", setup: () => ({ query: "year=2026" }), expect: adminOnly(200) },
  {
    route: "POST /api/v1/requests/[id]/reply-letter/issue",
    setup: async (world) => ({ params: { id: await aClosedReferral(world) } }),
    expect: adminOnly(200, 404),
  },
];
