import { getMyCalendarFeed } from "@/lib/calendar/feeds";
import type { AccessRow } from "../types";

// A private feed is one's own (experts, and station staff for their station); reading one needs only its token.
const feedHolders = { anonymous: 401, enterprise: 403, otherEnterprise: 403, expert: 200, station: 200, admin: 403, otherDistrictAdmin: 403 };
const everyone200 = { anonymous: 200, enterprise: 200, otherEnterprise: 200, expert: 200, station: 200, admin: 200, otherDistrictAdmin: 200 };

export const rows: AccessRow[] = [
  { route: "GET /api/v1/me/calendar", expect: feedHolders },
  { route: "POST /api/v1/me/calendar", expect: feedHolders },
  {
    route: "GET /api/v1/calendar/[token]",
    setup: async (world) => {
      const { url } = await getMyCalendarFeed(world.expert);
      return { params: { token: url.split("/").pop()! } };
    },
    expect: everyone200,
  },
  { route: "GET /api/v1/stations/[id]/calendar.ics", setup: (world) => ({ params: { id: world.station.stationId! } }), expect: everyone200 },
];
