import { eq } from "drizzle-orm";
import { db } from "@/db";
import { experts } from "@/db/schema";
import { moveTo } from "@/test/request-fixtures";
import { routeRequest } from "@/lib/routing/route-request";
import { defaultServiceLevels } from "@/lib/timeliness/defaults";
import { createTriagedRequest } from "../../routing-fixtures";
import type { ActionRows, ActionWorld } from "../action-types";

/** A fresh triaged request of the world's enterprise, in 嘉善县. */
const aTriagedRequest = (world: ActionWorld) => createTriagedRequest(world.enterprise);

/** The world's expert takes every case the rows give them: room for all of them, so capacity never answers first. */
const makeRoom = (world: ActionWorld) => db.update(experts).set({ capacity: 200 }).where(eq(experts.id, world.expert.expertId!));

/** A fresh pending offer to the world's expert. */
async function anOffer(world: ActionWorld) {
  await makeRoom(world);
  const offer = await routeRequest(world.admin, await aTriagedRequest(world), { expertId: world.expert.expertId! });
  return offer.offerId;
}

/** A fresh case the world's expert has accepted. */
async function anAcceptedCase(world: ActionWorld) {
  const requestId = await aTriagedRequest(world);
  await moveTo(requestId, "accepted", world.expert);
  return requestId;
}

// Routing a request is for the admins of its district; to an admin of another it does not exist.
const districtAdmins = { admin: "ok", otherDistrictAdmin: "not_found" } as const;

export const rows: ActionRows = {
  "app/(portal)/admin/routing/actions.ts": {
    routeRequestAction: {
      permission: "routing.route",
      input: async (world) => {
        await makeRoom(world);
        return { requestId: await aTriagedRequest(world), expertId: world.expert.expertId };
      },
      expect: districtAdmins,
    },
    skipExpertAction: {
      permission: "routing.route",
      input: async (world) => ({ requestId: await aTriagedRequest(world), expertId: world.expert.expertId, reason: "利益冲突" }),
      expect: districtAdmins,
    },
    withdrawOfferAction: {
      permission: "routing.withdrawOffer",
      input: async (world) => ({ offerId: await anOffer(world), reason: "企业改派", expertId: "" }),
      expect: districtAdmins,
    },
    reassignCaseAction: {
      permission: "routing.reassign",
      input: async (world) => ({ requestId: await anAcceptedCase(world), reason: "专家长期未处理", expertId: "" }),
      expect: districtAdmins,
    },
  },
  "app/(portal)/admin/settings/actions.ts": {
    updateRoutingSettingsAction: {
      permission: "routing.settings",
      input: () => ({
        weights: { specialty: 30, region: 20, load: 20, languageMode: 10, trackRecord: 10, rotation: 10 },
        deadlines: { normalHours: 48, urgentHours: 24 },
      }),
      // The weights are the zone's, one set for all: unscoped admins only (lib/authz.ts outsideDistrict).
      expect: { admin: "ok" },
    },
    updateCategorySpecialtiesAction: {
      permission: "routing.settings",
      // What the migration installs: saving it again changes nothing for the other tests.
      input: () => ({
        consultation: ["corporate"],
        debt_collection: ["debt_collection", "contract"],
        contract_dispute: ["contract"],
        lease_dispute: ["lease"],
        labor: ["labor"],
        restructuring: ["corporate", "finance"],
        ecommerce: ["ecommerce"],
        ip: ["ip"],
        major_mediation: ["mediation"],
        petition_backlog: ["petition", "mediation"],
        risk_prevention: ["compliance", "corporate"],
        compliance_checkup: ["compliance"],
      }),
      // The mapping is the zone's, like the weights: unscoped admins only.
      expect: { admin: "ok" },
    },
    updateServiceLevelsAction: {
      permission: "serviceLevels.write",
      // What the migration installs: saving it again changes nothing for the other tests.
      input: () => defaultServiceLevels,
      // One set of service levels for the zone: unscoped admins only.
      expect: { admin: "ok" },
    },
  },
  "app/(portal)/offers/actions.ts": {
    acceptOfferAction: { permission: "offer.answer", input: async (world) => ({ offerId: await anOffer(world) }), expect: { expert: "ok" } },
    declineOfferAction: {
      permission: "offer.answer",
      input: async (world) => ({ offerId: await anOffer(world), reason: "capacity", note: "本月已满" }),
      expect: { expert: "ok" },
    },
  },
};
