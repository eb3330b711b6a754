// GET /api/v1/stations - anyone: every station (closed ones flagged) by district, then name; filter region
// POST /api/v1/stations - admin of the station's district: { name, regionCode, address, phone?, hours? }
import { apiRoute, created } from "@/lib/http/api-route";
import { createStation } from "@/lib/stations/create-station";
import { listStations } from "@/lib/stations/list-stations";
import { stationListResponse, stationResponse } from "@/lib/stations/responses";
import { createStationSchema, stationListQuery } from "@/lib/stations/schemas";

export const GET = apiRoute({ permission: "public", query: stationListQuery, response: stationListResponse }, async ({ query }) => ({
  items: await listStations(query),
}));

export const POST = apiRoute(
  { permission: "station.manage", body: createStationSchema, response: stationResponse, status: 201 },
  async ({ actor, body }) => created(await createStation(actor, body)),
);
