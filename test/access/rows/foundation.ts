import { creditCodeCheckCharacter } from "@/lib/credit-code";
import type { AccessRow } from "../types";

const everyone200 = { anonymous: 200, enterprise: 200, otherEnterprise: 200, expert: 200, station: 200, admin: 200 };
let n = 0;

export const rows: AccessRow[] = [
  { route: "GET /api/v1/me", expect: { anonymous: 401, enterprise: 200, otherEnterprise: 200, expert: 200, station: 200, admin: 200 } },
  {
    route: "POST /api/v1/me/password",
    // A wrong current password: every signed-in caller reaches the check, and nobody's password changes.
    setup: () => ({ body: { currentPassword: "not-the-password", newPassword: "a fresh passphrase 2026" } }),
    expect: { anonymous: 401, enterprise: 422, otherEnterprise: 422, expert: 422, station: 422, admin: 422 },
  },
  { route: "GET /api/v1/stats", expect: everyone200 },
  { route: "GET /api/v1/specialties", expect: everyone200 },
  { route: "GET /api/v1/regions", expect: everyone200 },
  { route: "GET /api/v1/openapi.json", expect: everyone200 },
  {
    route: "POST /api/v1/enterprises/register",
    setup: () => {
      n += 1;
      // A fresh company per call, so every caller (signed in or not) may register one.
      const body17 = `91330421MA2B${String(Date.now() % 100000).padStart(5, "0")}`.slice(0, 17);
      return {
        body: {
          companyName: `新注册公司${n}${Date.now()}`,
          creditCode: withCheck(body17),
          contactName: "李四",
          email: `new-${n}-${Date.now()}@test.example`,
          password: "long-enough-password",
        },
      };
    },
    expect: { anonymous: 201, enterprise: 201, otherEnterprise: 201, expert: 201, station: 201, admin: 201 },
  },
];

function withCheck(first17: string) {
  return first17 + creditCodeCheckCharacter(first17);
}
