// GET /api/v1/stations/:id - anyone: one station, closed or not
// PATCH /api/v1/stations/:id - admin of the station's district (and of the one it moves to): the fields given, and closed
import { apiRoute } from "@/lib/http/api-route";
import { getStation } from "@/lib/stations/list-stations";
import { stationResponse } from "@/lib/stations/responses";
import { updateStationSchema } from "@/lib/stations/schemas";
import { updateStation } from "@/lib/stations/update-station";

export const GET = apiRoute({ permission: "public", response: stationResponse }, ({ params }) => getStation(params.id!));

export const PATCH = apiRoute({ permission: "station.manage", body: updateStationSchema, response: stationResponse }, ({ actor, body, params }) =>
  updateStation(actor, params.id!, body),
);
