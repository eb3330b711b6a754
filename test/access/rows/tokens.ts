import { db } from "@/db";
import { apiTokens } from "@/db/schema";
import { hashToken, newTokenSecret } from "@/lib/auth/api-tokens";
import type { AccessRow, World } from "../types";

const adminOnly = (ok: number, otherDistrict = ok) => ({
  anonymous: 401,
  enterprise: 403,
  otherEnterprise: 403,
  expert: 403,
  station: 403,
  admin: ok,
  otherDistrictAdmin: otherDistrict,
});

async function aToken(world: World) {
  const secret = newTokenSecret();
  const [row] = await db
    .insert(apiTokens)
    .values({ name: "partner", tokenHash: hashToken(secret), prefix: secret.slice(0, 10), userId: world.admin.userId, createdBy: world.admin.userId })
    .returning({ id: apiTokens.id });
  return row!.id;
}

export const rows: AccessRow[] = [
  { route: "GET /api/v1/tokens", expect: adminOnly(200) },
  { route: "POST /api/v1/tokens", setup: () => ({ body: { name: "县政务服务平台" } }), expect: adminOnly(201) },
  { route: "DELETE /api/v1/tokens/[id]", setup: async (world) => ({ params: { id: await aToken(world) } }), expect: adminOnly(200) },
];
