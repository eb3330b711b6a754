import type { AccessRow } from "../types";

// Every admin reads the audit trail; an admin of another district reads its own district's part of it.
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
  { route: "GET /api/v1/audit-events", setup: () => ({ query: "entityType=expert&from=2026-01-01&to=2026-12-31" }), expect: adminOnly(200) },
  { route: "GET /api/v1/audit-events/export", setup: () => ({ query: "format=csv&type=expert.appointed" }), expect: adminOnly(200) },
];
