import { todayInShanghai } from "@/lib/clock";
import { bookConsultation } from "@/lib/duty/bookings/book-consultation";
import { addDays } from "@/lib/roster/term";
import { createDutySession } from "@/test/duty-session";
import type { AccessRow, World } from "../types";

// Duty days (约诊): a fresh session at world.station's station (嘉善县) for each call, so one
// actor's booking cannot fill or change another's.

let serial = 0;
const aPhone = () => `1350000${String((serial += 1)).padStart(4, "0")}`;
const aConsultation = () => ({ topic: "合同违约金如何计算", contactName: "陈先生", contactPhone: aPhone() });

/** A session of world.station's, a week ahead, or on the day. */
const aSession = (world: World, day: "ahead" | "today") =>
  createDutySession({ stationId: world.station.stationId!, date: day === "today" ? todayInShanghai() : addDays(todayInShanghai(), 7) });

/** A booking of world.enterprise's on a session of world.station's. */
async function aBooking(world: World, day: "ahead" | "today") {
  const session = await aSession(world, day);
  return (await bookConsultation(world.enterprise, session.id, aConsultation())).id;
}

const onlyStation = (ok: number) => ({
  anonymous: 401,
  enterprise: 403,
  otherEnterprise: 403,
  expert: 403,
  station: ok,
  admin: 403,
  otherDistrictAdmin: 403,
});

export const rows: AccessRow[] = [
  // Any company books for itself; the station's own staff for a caller; experts and admins book nothing.
  {
    route: "POST /api/v1/duty-sessions/[id]/bookings",
    setup: async (world) => ({ params: { id: (await aSession(world, "ahead")).id }, body: aConsultation() }),
    expect: { anonymous: 401, enterprise: 201, otherEnterprise: 201, expert: 403, station: 201, admin: 403, otherDistrictAdmin: 403 },
  },
  // The booker, or the staff of the session's station; another company does not see it.
  {
    route: "POST /api/v1/bookings/[id]/cancel",
    setup: async (world) => ({ params: { id: await aBooking(world, "ahead") } }),
    expect: { anonymous: 401, enterprise: 200, otherEnterprise: 404, expert: 403, station: 200, admin: 403, otherDistrictAdmin: 403 },
  },
  {
    route: "POST /api/v1/bookings/[id]/attended",
    setup: async (world) => ({ params: { id: await aBooking(world, "today") } }),
    expect: onlyStation(200),
  },
  {
    route: "POST /api/v1/bookings/[id]/request",
    setup: async (world) => ({ params: { id: await aBooking(world, "today") }, body: { title: "违约金纠纷咨询" } }),
    expect: onlyStation(201),
  },
];
