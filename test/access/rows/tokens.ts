import { db } from "@/db";
import { apiTokens } from "@/db/schema";
import { hashToken, newTokenSecret } from "@/lib/auth/api-tokens";
import { createIntegrationActor } from "../../fixtures";
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

/** A token the world's admin issued for a filing platform of the world's district (嘉善县). */
async function aPartnerToken(world: World) {
  const partner = await createIntegrationActor("station", "330421");
  const secret = newTokenSecret();
  const [row] = await db
    .insert(apiTokens)
    .values({ name: "partner", tokenHash: hashToken(secret), prefix: secret.slice(0, 10), userId: partner.userId, createdBy: world.admin.userId })
    .returning({ id: apiTokens.id });
  return row!.id;
}

// Each admin sees and revokes the tokens it issued and those of its district's integration accounts;
// it issues them for itself or for such an account, never for an account outside its district (403).
export const rows: AccessRow[] = [
  { route: "GET /api/v1/tokens", expect: adminOnly(200) },
  {
    route: "POST /api/v1/tokens",
    setup: async () => ({ body: { name: "县政务服务平台", userId: (await createIntegrationActor("station", "330421")).userId } }),
    expect: adminOnly(201, 403),
  },
  { route: "DELETE /api/v1/tokens/[id]", setup: async (world) => ({ params: { id: await aPartnerToken(world) } }), expect: adminOnly(200, 404) },
];
