import { freshDutyDate, plannedSession } from "../../rota-fixtures";
import type { AccessRow, World } from "../types";

const everyone200 = { anonymous: 200, enterprise: 200, otherEnterprise: 200, expert: 200, station: 200, admin: 200, otherDistrictAdmin: 200 };

// The world's station (嘉善县) plans its rota: its staff and the admins of its district; another
// district's admin sees the public rota and gets 403 (lib/duty/station-planner.ts).
const planners = (ok: number) => ({
  anonymous: 401,
  enterprise: 403,
  otherEnterprise: 403,
  expert: 403,
  station: ok,
  admin: ok,
  otherDistrictAdmin: 403,
});
const expertOnly = (ok: number) => ({
  anonymous: 401,
  enterprise: 403,
  otherEnterprise: 403,
  expert: ok,
  station: 403,
  admin: 403,
  otherDistrictAdmin: 403,
});

/** A fresh planned session of the world's expert at the world's station. */
const aSession = async (world: World) => plannedSession(world.station, world.expert);

export const rows: AccessRow[] = [
  { route: "GET /api/v1/stations/[id]/duty-sessions", setup: (world) => ({ params: { id: world.station.stationId! } }), expect: everyone200 },
  {
    route: "POST /api/v1/stations/[id]/duty-sessions",
    setup: (world) => ({
      params: { id: world.station.stationId! },
      body: { expertId: world.expert.expertId, date: freshDutyDate(), period: "pm", slots: 6 },
    }),
    expect: planners(201),
  },
  { route: "POST /api/v1/duty-sessions/[id]/confirm", setup: async (world) => ({ params: { id: await aSession(world) } }), expect: expertOnly(200) },
  {
    route: "POST /api/v1/duty-sessions/[id]/decline",
    setup: async (world) => ({ params: { id: await aSession(world) }, body: { reason: "当天开庭" } }),
    expect: expertOnly(200),
  },
  {
    route: "POST /api/v1/duty-sessions/[id]/cancel",
    setup: async (world) => ({ params: { id: await aSession(world) }, body: { reason: "服务站装修" } }),
    expect: planners(200),
  },
];
