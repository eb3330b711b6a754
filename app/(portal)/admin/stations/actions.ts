"use server";

import { action } from "@/lib/http/server-action";
import { createStation } from "@/lib/stations/create-station";
import { createStationSchema, editStationFormSchema, stationIdSchema } from "@/lib/stations/schemas";
import { updateStation } from "@/lib/stations/update-station";

export const createStationAction = action({ permission: "station.manage", input: createStationSchema }, async ({ actor, input }) => {
  const station = await createStation(actor, input);
  return { id: station.id };
});

export const updateStationAction = action({ permission: "station.manage", input: editStationFormSchema }, async ({ actor, input }) => {
  const { stationId, ...fields } = input;
  const station = await updateStation(actor, stationId, fields);
  return { id: station.id };
});

export const closeStationAction = action({ permission: "station.manage", input: stationIdSchema }, async ({ actor, input }) => {
  const station = await updateStation(actor, input.stationId, { closed: true });
  return { id: station.id, closed: station.closed };
});

export const reopenStationAction = action({ permission: "station.manage", input: stationIdSchema }, async ({ actor, input }) => {
  const station = await updateStation(actor, input.stationId, { closed: false });
  return { id: station.id, closed: station.closed };
});
