import { createAcceptedCase } from "@/test/accepted-case";
import { createDispute } from "@/lib/disputes/create-dispute";
import { recordRecovery } from "@/lib/disputes/record-recovery";
import type { ActionRows, ActionWorld } from "../action-types";

// Each call gets a fresh case filed by world.enterprise (嘉善县) and accepted by world.expert.
const aCase = (world: ActionWorld) => createAcceptedCase({ enterprise: world.enterprise, expert: world.expert });
const aDispute = async (world: ActionWorld, requestId?: string) =>
  (await createDispute(world.expert, requestId ?? (await aCase(world)), { counterpartyName: "某建材商行", kind: "receivable", claimedFen: 100_000n }))
    .id;
const anEntry = async (world: ActionWorld) =>
  (await recordRecovery(world.expert, await aDispute(world), { amountFen: 5_000n, receivedOn: "2026-01-10", method: "negotiation" })).id;

// The case's expert and the admins of its district keep the ledger; to an admin of another district it does not exist.
const writers = { expert: "ok", admin: "ok", otherDistrictAdmin: "not_found" } as const;

export const rows: ActionRows = {
  "app/(portal)/disputes/actions.ts": {
    createDisputeAction: {
      permission: "dispute.write",
      input: async (world) => ({ requestId: await aCase(world), counterpartyName: "某物流公司", kind: "contract", claimedYuan: "2500" }),
      expect: writers,
    },
    createDisputesAction: {
      permission: "dispute.write",
      input: async (world) => ({
        requestId: await aCase(world),
        rows: [
          { counterpartyName: "某物流公司", kind: "contract", claimedYuan: "2500" },
          { counterpartyName: "某建材商行", kind: "receivable", claimedYuan: "800.50" },
        ],
      }),
      expect: writers,
    },
    updateDisputeAction: {
      permission: "dispute.write",
      input: async (world) => ({ disputeId: await aDispute(world), status: "negotiating" }),
      expect: writers,
    },
    bulkUpdateDisputesAction: {
      permission: "dispute.write",
      input: async (world) => {
        const requestId = await aCase(world);
        return { requestId, ids: [await aDispute(world, requestId)], status: "negotiating" };
      },
      expect: writers,
    },
    recordRecoveryAction: {
      permission: "recovery.write",
      input: async (world) => ({ disputeId: await aDispute(world), amountYuan: "123.45", receivedOn: "2026-01-05", method: "mediation" }),
      expect: writers,
    },
    reverseRecoveryAction: {
      permission: "recovery.write",
      input: async (world) => ({ recoveryId: await anEntry(world), reason: "重复登记" }),
      expect: writers,
    },
    respondRecoveryAction: {
      permission: "recovery.respond",
      input: async (world) => ({ recoveryId: await anEntry(world), response: "confirmed" }),
      expect: { enterprise: "ok", otherEnterprise: "not_found" },
    },
  },
};
