import { eq } from "drizzle-orm";
import { db } from "@/db";
import { requests } from "@/db/schema";
import { draftTypicalCase } from "@/lib/typical-cases/draft-typical-case";
import { fileAs, moveTo } from "@/test/request-fixtures";
import type { AccessRow, World } from "../types";

// A fresh closed case filed by world.enterprise in 嘉善县 for each call, so one admin's draft cannot block another's.
const aClosedCase = async (world: World) => {
  const id = await fileAs(world.enterprise);
  await moveTo(id, "closed", world.expert);
  await db.update(requests).set({ closedAt: new Date() }).where(eq(requests.id, id));
  return id;
};

const text = { titleZh: "拖欠货款三年，一月追回", storyZh: "专家约见双方，促成分期付款协议。", companyConsent: false };

const adminsOnly = (admin: number, otherDistrictAdmin: number) => ({
  anonymous: 401,
  enterprise: 403,
  otherEnterprise: 403,
  expert: 403,
  station: 403,
  admin,
  otherDistrictAdmin,
});

export const rows: AccessRow[] = [
  // Published typical cases are public.
  {
    route: "GET /api/v1/typical-cases",
    expect: { anonymous: 200, enterprise: 200, otherEnterprise: 200, expert: 200, station: 200, admin: 200, otherDistrictAdmin: 200 },
  },
  {
    route: "POST /api/v1/typical-cases",
    setup: async (world) => ({ body: { requestId: await aClosedCase(world), ...text } }),
    expect: adminsOnly(201, 404),
  },
  {
    route: "POST /api/v1/typical-cases/[id]/publish",
    setup: async (world) => {
      const { id } = await draftTypicalCase(world.admin, { requestId: await aClosedCase(world), ...text });
      return { params: { id } };
    },
    expect: adminsOnly(200, 404),
  },
];
