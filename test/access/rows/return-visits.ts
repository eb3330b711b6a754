import { eq } from "drizzle-orm";
import { db } from "@/db";
import { requests } from "@/db/schema";
import { fileAs, moveTo } from "@/test/request-fixtures";
import type { AccessRow, World } from "../types";

// A fresh closed case filed by world.enterprise in 嘉善县 for each call, so one admin's visit cannot affect another's.
const aClosedCase = async (world: World, closedDaysAgo = 1) => {
  const id = await fileAs(world.enterprise);
  await moveTo(id, "closed", world.expert);
  await db
    .update(requests)
    .set({ closedAt: new Date(Date.now() - closedDaysAgo * 86_400_000) })
    .where(eq(requests.id, id));
  return id;
};

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
  // Every admin has a worklist: its own district's closed cases (another district's admin sees none of the world's).
  {
    route: "GET /api/v1/return-visits",
    setup: async (world) => {
      await aClosedCase(world, 60);
      return { query: "due=true" };
    },
    expect: adminsOnly(200, 200),
  },
  {
    route: "POST /api/v1/requests/[id]/return-visits",
    setup: async (world) => ({
      params: { id: await aClosedCase(world) },
      body: { visitedOn: "2026-01-05", method: "phone", satisfaction: 4, note: "企业表示满意" },
    }),
    expect: adminsOnly(201, 404),
  },
];
