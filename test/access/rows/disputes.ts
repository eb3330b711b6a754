import { createAcceptedCase } from "@/test/accepted-case";
import { createDispute } from "@/lib/disputes/create-dispute";
import { recordRecovery } from "@/lib/disputes/record-recovery";
import type { AccessRow, World } from "../types";

// Each call gets a fresh case filed by world.enterprise and accepted by world.expert.
const aCase = (world: World) => createAcceptedCase({ enterprise: world.enterprise, expert: world.expert });
const aDispute = async (world: World) =>
  (await createDispute(world.expert, await aCase(world), { counterpartyName: "某建材商行", kind: "receivable", claimedFen: 100_000n })).id;
const anEntry = async (world: World) =>
  (await recordRecovery(world.expert, await aDispute(world), { amountFen: 5_000n, receivedOn: "2026-01-10", method: "negotiation" })).id;

/** A case with a dispute and a ledger entry, so the list answers items with figures. */
const aCaseWithLedger = async (world: World) => {
  const caseId = await aCase(world);
  const { id } = await createDispute(world.expert, caseId, { counterpartyName: "某建材商行", kind: "receivable", claimedFen: 100_000n });
  await recordRecovery(world.expert, id, { amountFen: 5_000n, receivedOn: "2026-01-10", method: "negotiation" });
  return caseId;
};

const writers = (ok: number, otherDistrict = 404) => ({
  anonymous: 401,
  enterprise: 403,
  otherEnterprise: 403,
  expert: ok,
  station: 403,
  admin: ok,
  otherDistrictAdmin: otherDistrict,
});

export const rows: AccessRow[] = [
  {
    route: "GET /api/v1/requests/[id]/disputes",
    setup: async (world) => ({ params: { id: await aCaseWithLedger(world) } }),
    // the station did not file these cases: to it they do not exist
    expect: { anonymous: 401, enterprise: 200, otherEnterprise: 404, expert: 200, station: 404, admin: 200, otherDistrictAdmin: 404 },
  },
  {
    route: "POST /api/v1/requests/[id]/disputes",
    setup: async (world) => ({
      params: { id: await aCase(world) },
      body: { counterparty: { name: "某物流公司" }, kind: "contract", claimedFen: 250_000 },
    }),
    expect: writers(201),
  },
  {
    route: "POST /api/v1/requests/[id]/disputes/bulk",
    setup: async (world) => ({
      params: { id: await aCase(world) },
      body: {
        disputes: [
          { counterparty: { name: "某物流公司" }, kind: "contract", claimedFen: 250_000 },
          { counterparty: { name: "某建材商行" }, kind: "receivable", claimedFen: 80_000 },
        ],
      },
    }),
    expect: writers(201),
  },
  {
    route: "PATCH /api/v1/disputes/[id]",
    setup: async (world) => ({ params: { id: await aDispute(world) }, body: { status: "negotiating" } }),
    expect: writers(200),
  },
  {
    route: "POST /api/v1/disputes/[id]/recoveries",
    setup: async (world) => ({ params: { id: await aDispute(world) }, body: { amountFen: 12_345, receivedOn: "2026-01-05", method: "mediation" } }),
    expect: writers(201),
  },
  {
    route: "POST /api/v1/recoveries/[id]/reverse",
    setup: async (world) => ({ params: { id: await anEntry(world) }, body: { reason: "重复登记" } }),
    expect: writers(201),
  },
  {
    route: "POST /api/v1/recoveries/[id]/response",
    setup: async (world) => ({ params: { id: await anEntry(world) }, body: { response: "confirmed" } }),
    expect: { anonymous: 401, enterprise: 200, otherEnterprise: 404, expert: 403, station: 403, admin: 403, otherDistrictAdmin: 403 },
  },
];
