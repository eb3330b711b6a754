import { db } from "@/db";
import { stations } from "@/db/schema";
import type { ActionRows } from "../action-types";

let serial = 0;
/** A fresh station in 嘉善县 (罗星街道), the world's district; closed when asked. */
async function aStation(closed = false) {
  serial += 1;
  const [row] = await db
    .insert(stations)
    .values({
      name: `动作测试服务站${serial}`,
      regionCode: "330421002",
      address: "嘉善县罗星街道亭桥北路 1 号",
      closedAt: closed ? new Date() : null,
    })
    .returning({ id: stations.id });
  return row!.id;
}

// Only the admins of a station's district change it; an admin of another district sees it and gets 403.
const districtAdmins = { admin: "ok", otherDistrictAdmin: "forbidden" } as const;

export const rows: ActionRows = {
  "app/(portal)/admin/stations/actions.ts": {
    createStationAction: {
      permission: "station.manage",
      input: () => ({ name: `新设服务站${(serial += 1)}`, regionCode: "330421102", address: "嘉善县大云镇大云中路 8 号", phone: "", hours: "" }),
      expect: districtAdmins,
    },
    updateStationAction: {
      permission: "station.manage",
      input: async () => ({
        stationId: await aStation(),
        name: "罗星街道法律服务站（新址）",
        regionCode: "330421002",
        address: "嘉善县罗星街道体育南路 2 号",
        phone: "0573-84110001",
        hours: "周一至周五 8:30-17:00",
      }),
      expect: districtAdmins,
    },
    closeStationAction: { permission: "station.manage", input: async () => ({ stationId: await aStation() }), expect: districtAdmins },
    reopenStationAction: { permission: "station.manage", input: async () => ({ stationId: await aStation(true) }), expect: districtAdmins },
  },
};
