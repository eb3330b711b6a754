import { db } from "@/db";
import { stations } from "@/db/schema";
import type { AccessRow } from "../types";

const everyone200 = { anonymous: 200, enterprise: 200, otherEnterprise: 200, expert: 200, station: 200, admin: 200, otherDistrictAdmin: 200 };

// Stations are public; only the admins of a station's district (嘉善县 for the world's) change them:
// an admin of another district sees them all and gets 403 (lib/authz.ts outsideDistrict).
const districtAdmins = (ok: number) => ({
  anonymous: 401,
  enterprise: 403,
  otherEnterprise: 403,
  expert: 403,
  station: 403,
  admin: ok,
  otherDistrictAdmin: 403,
});

let serial = 0;
/** A fresh station in 嘉善县 (罗星街道), the world's district. */
async function aStation() {
  serial += 1;
  const [row] = await db
    .insert(stations)
    .values({ name: `接入测试服务站${serial}`, regionCode: "330421002", address: "嘉善县罗星街道亭桥北路 1 号" })
    .returning({ id: stations.id });
  return row!.id;
}

export const rows: AccessRow[] = [
  { route: "GET /api/v1/stations", expect: everyone200 },
  {
    route: "POST /api/v1/stations",
    setup: () => ({
      body: { name: `新设服务站${(serial += 1)}`, regionCode: "330421102", address: "嘉善县大云镇大云中路 8 号", phone: "0573-84220002" },
    }),
    expect: districtAdmins(201),
  },
  { route: "GET /api/v1/stations/[id]", setup: async () => ({ params: { id: await aStation() } }), expect: everyone200 },
  {
    route: "PATCH /api/v1/stations/[id]",
    setup: async () => ({ params: { id: await aStation() }, body: { hours: "周一至周五 8:30-17:00", closed: true } }),
    expect: districtAdmins(200),
  },
];
