import { newCompany } from "../sample-inputs";
import type { AccessRow } from "../types";

const everyone200 = { anonymous: 200, enterprise: 200, otherEnterprise: 200, expert: 200, station: 200, admin: 200, otherDistrictAdmin: 200 };

export const rows: AccessRow[] = [
  {
    route: "GET /api/v1/me",
    expect: { anonymous: 401, enterprise: 200, otherEnterprise: 200, expert: 200, station: 200, admin: 200, otherDistrictAdmin: 200 },
  },
  {
    route: "POST /api/v1/me/password",
    // A wrong current password: every signed-in caller reaches the check, and nobody's password changes.
    setup: () => ({ body: { currentPassword: "not-the-password", newPassword: "a fresh passphrase 2026" } }),
    expect: { anonymous: 401, enterprise: 422, otherEnterprise: 422, expert: 422, station: 422, admin: 422, otherDistrictAdmin: 422 },
  },
  { route: "GET /api/v1/stats", expect: everyone200 },
  { route: "GET /api/v1/specialties", expect: everyone200 },
  { route: "GET /api/v1/regions", expect: everyone200 },
  { route: "GET /api/v1/openapi.json", expect: everyone200 },
  { route: "GET /api/health", expect: everyone200 },
  {
    route: "POST /api/v1/enterprises/register",
    setup: () => ({ body: newCompany() }),
    expect: { anonymous: 201, enterprise: 201, otherEnterprise: 201, expert: 201, station: 201, admin: 201, otherDistrictAdmin: 201 },
  },
];
