import type { AccessRow } from "../types";

const adminOnly = (ok: number, otherDistrict = ok) => ({
  anonymous: 401,
  enterprise: 403,
  otherEnterprise: 403,
  expert: 403,
  station: 403,
  admin: ok,
  otherDistrictAdmin: otherDistrict,
});

export const rows: AccessRow[] = [
  { route: "GET /api/v1/reports", setup: () => ({ query: "groupBy=region&from=2026-01&to=2026-12" }), expect: adminOnly(200) },
  { route: "GET /api/v1/reports/aging", expect: adminOnly(200) },
  { route: "GET /api/v1/reports/breaches", expect: adminOnly(200) },
  { route: "GET /api/v1/reports/export", setup: () => ({ query: "groupBy=month&format=csv&from=2026-01&to=2026-03" }), expect: adminOnly(200) },
];
