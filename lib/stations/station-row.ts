import { stations } from "@/db/schema";

/** The columns a station is answered with; never more than the public may read. */
export const stationColumns = {
  id: stations.id,
  name: stations.name,
  regionCode: stations.regionCode,
  address: stations.address,
  phone: stations.phone,
  hours: stations.hours,
  closedAt: stations.closedAt,
};

export type StationRow = { [K in keyof typeof stationColumns]: (typeof stations.$inferSelect)[K] };

export interface Station extends StationRow {
  closed: boolean;
}

export const toStation = (row: StationRow): Station => ({ ...row, closed: row.closedAt !== null });
