import { randomBytes } from "node:crypto";
import { vettingChecks } from "@/db/schema/enums";
import { applyToJoin } from "@/lib/roster/apply";
import { checkApplication } from "@/lib/roster/check-application";
import { createExpertActor } from "../../fixtures";
import type { AccessRow, World } from "../types";

const everyone200 = { anonymous: 200, enterprise: 200, otherEnterprise: 200, expert: 200, station: 200, admin: 200 };
const adminOnly = (status: number) => ({ anonymous: 401, enterprise: 403, otherEnterprise: 403, expert: 403, station: 403, admin: status });

let serial = 0;
/** A fresh 17-digit licence number and e-mail, so every call applies as someone new. */
function applicant() {
  serial += 1;
  const digits = `1330421${String(Date.now()).slice(-6)}${String(serial).padStart(4, "0")}`.slice(0, 17);
  return {
    name: `申请人${serial}`,
    email: `applicant-${serial}-${randomBytes(3).toString("hex")}@test.example`,
    password: "long-enough-password",
    phone: "13900000000",
    title: "律师",
    organization: "浙江嘉善测试律师事务所",
    licenseNumber: digits,
    homeRegionCode: "330421",
    yearsOfPractice: 8,
    specialties: ["debt_collection"],
    regions: ["330421"],
    languages: ["zh"],
    serviceModes: ["online"],
    references: "嘉善县司法局 王科长",
    statement: "愿为示范区企业服务。",
  };
}

async function pendingApplication(world: World, checked: boolean) {
  const { id } = await applyToJoin({ ...applicant(), bio: undefined, serviceModes: ["online"], languages: ["zh"] });
  if (checked) for (const item of vettingChecks) await checkApplication(world.admin, id, { item, checked: true, note: undefined });
  return id;
}

export const rows: AccessRow[] = [
  { route: "GET /api/v1/experts", expect: everyone200 },
  {
    route: "GET /api/v1/experts/[id]",
    setup: async () => ({ params: { id: (await createExpertActor()).expertId! } }),
    expect: everyone200,
  },
  { route: "GET /api/v1/experts/export", expect: adminOnly(200) },
  // These take a multipart file; the suite sends JSON, which an admin is told is no file (400).
  { route: "POST /api/v1/experts/import/preview", expect: adminOnly(400) },
  { route: "POST /api/v1/experts/import", expect: adminOnly(400) },
  { route: "POST /api/v1/experts/import/rejected", expect: adminOnly(400) },
  {
    route: "POST /api/v1/experts/[id]/suspend",
    setup: async () => ({ params: { id: (await createExpertActor()).expertId! }, body: { reason: "执业证年检未通过" } }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/v1/experts/[id]/reinstate",
    setup: async () => ({ params: { id: (await createExpertActor({ status: "suspended" })).expertId! }, body: { reason: "年检已通过" } }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/v1/expert-applications",
    setup: () => ({ body: applicant() }),
    expect: { anonymous: 201, enterprise: 201, otherEnterprise: 201, expert: 201, station: 201, admin: 201 },
  },
  { route: "GET /api/v1/expert-applications", expect: adminOnly(200) },
  {
    route: "POST /api/v1/expert-applications/[id]/decision",
    setup: async (world) => ({ params: { id: await pendingApplication(world, true) }, body: { approve: true, reason: "审核通过", termYears: 3 } }),
    expect: adminOnly(200),
  },
  {
    route: "POST /api/v1/expert-applications/[id]/checks",
    setup: async (world) => ({ params: { id: await pendingApplication(world, false) }, body: { item: "licence_verified", checked: true } }),
    expect: adminOnly(200),
  },
];
