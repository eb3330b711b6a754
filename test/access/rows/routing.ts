import { eq } from "drizzle-orm";
import { db } from "@/db";
import { experts } from "@/db/schema";
import { routeRequest } from "@/lib/routing/route-request";
import { createTriagedRequest } from "../../routing-fixtures";
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
const expertOnly = (ok: number) => ({
  anonymous: 401,
  enterprise: 403,
  otherEnterprise: 403,
  expert: ok,
  station: 403,
  admin: 403,
  otherDistrictAdmin: 403,
});

/** A fresh triaged request of the world's enterprise. */
const freshRequest = async (world: World) => ({ params: { id: await createTriagedRequest(world.enterprise) } });

/** A fresh pending offer to the world's expert (given room for every actor's setup). */
async function freshOffer(world: World) {
  await db.update(experts).set({ capacity: 200 }).where(eq(experts.id, world.expert.expertId!));
  const requestId = await createTriagedRequest(world.enterprise);
  const offer = await routeRequest(world.admin, requestId, { expertId: world.expert.expertId! });
  return offer.offerId;
}

export const rows: AccessRow[] = [
  { route: "GET /api/v1/requests/[id]/candidates", setup: freshRequest, expect: adminOnly(200, 404) },
  { route: "GET /api/v1/requests/[id]/offers", setup: freshRequest, expect: adminOnly(200, 404) },
  { route: "POST /api/v1/requests/[id]/route", setup: async (world) => ({ ...(await freshRequest(world)), body: {} }), expect: adminOnly(201, 404) },
  { route: "GET /api/v1/offers", expect: expertOnly(200) },
  { route: "POST /api/v1/offers/[id]/accept", setup: async (world) => ({ params: { id: await freshOffer(world) } }), expect: expertOnly(200) },
  {
    route: "POST /api/v1/offers/[id]/decline",
    setup: async (world) => ({ params: { id: await freshOffer(world) }, body: { reason: "capacity", note: "本月已满" } }),
    expect: expertOnly(200),
  },
];
