import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { createStationActor } from "../../fixtures";
import type { AccessRow, World } from "../types";

// The world's records are in 嘉善县 (330421); otherDistrictAdmin administers 青浦区 (310118).
const adminOnly = (status: number, otherDistrict = status) => ({
  anonymous: 401,
  enterprise: 403,
  otherEnterprise: 403,
  expert: 403,
  station: 403,
  admin: status,
  otherDistrictAdmin: otherDistrict,
});

const newEmail = () => `staff-${randomBytes(4).toString("hex")}@test.example`;

/** A fresh account of a 嘉善县 station's staff, disabled when asked. */
async function aStationAccount(disabled = false) {
  const staff = await createStationActor();
  if (disabled) await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, staff.userId));
  return staff.userId;
}

export const rows: AccessRow[] = [
  // Every admin lists the accounts of their own district (an empty page is still 200).
  { route: "GET /api/v1/users", expect: adminOnly(200) },
  {
    // Staff for the world's station: its district's admins only; another district's admin is 403 (stations are public).
    route: "POST /api/v1/users",
    setup: (world: World) => ({ body: { email: newEmail(), name: "新同事", role: "station", stationId: world.station.stationId } }),
    expect: adminOnly(201, 403),
  },
  {
    route: "POST /api/v1/users/[id]/disable",
    setup: async () => ({ params: { id: await aStationAccount() }, body: { reason: "已离职" } }),
    expect: adminOnly(200, 404),
  },
  {
    route: "POST /api/v1/users/[id]/enable",
    setup: async () => ({ params: { id: await aStationAccount(true) } }),
    expect: adminOnly(200, 404),
  },
];
