import { defaultServiceLevels } from "@/lib/timeliness/defaults";
import type { AccessRow } from "../types";

// The service levels bind the whole zone: every admin reads them, only an unscoped admin replaces them.
const admins = (otherDistrictAdmin: number) => ({
  anonymous: 401,
  enterprise: 403,
  otherEnterprise: 403,
  expert: 403,
  station: 403,
  admin: 200,
  otherDistrictAdmin,
});

export const rows: AccessRow[] = [
  { route: "GET /api/v1/settings/service-levels", expect: admins(200) },
  { route: "PUT /api/v1/settings/service-levels", setup: () => ({ body: defaultServiceLevels }), expect: admins(403) },
];
