import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { createStationActor } from "../../fixtures";
import type { ActionRows } from "../action-types";

/** A fresh account of a 嘉善县 station's staff, disabled when asked. */
async function aStationAccount(disabled = false) {
  const staff = await createStationActor();
  if (disabled) await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, staff.userId));
  return staff.userId;
}

// The world's records are in 嘉善县; otherDistrictAdmin administers 青浦区: the station is public (403), the accounts are not (404).
export const rows: ActionRows = {
  "app/(portal)/admin/users/actions.ts": {
    createUserAction: {
      permission: "user.create",
      input: (world) => ({
        email: `staff-${randomBytes(4).toString("hex")}@test.example`,
        name: "新同事",
        role: "station",
        stationId: world.station.stationId!,
      }),
      expect: { admin: "ok", otherDistrictAdmin: "forbidden" },
    },
    disableUserAction: {
      permission: "user.disable",
      input: async () => ({ userId: await aStationAccount(), reason: "已离职" }),
      expect: { admin: "ok", otherDistrictAdmin: "not_found" },
    },
    enableUserAction: {
      permission: "user.disable",
      input: async () => ({ userId: await aStationAccount(true) }),
      expect: { admin: "ok", otherDistrictAdmin: "not_found" },
    },
  },
  "app/(portal)/account/actions.ts": {
    // Every role keeps its own settings; an expert's name and phone are on the profile, so none are sent here.
    updateAccountAction: {
      permission: "me.updateAccount",
      input: () => ({ emailNotifications: "important", locale: "zh-CN" }),
      expect: { enterprise: "ok", otherEnterprise: "ok", expert: "ok", station: "ok", admin: "ok", otherDistrictAdmin: "ok" },
    },
  },
};
