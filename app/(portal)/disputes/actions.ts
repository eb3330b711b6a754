"use server";

import { z } from "zod";
import { createDispute, createDisputes } from "@/lib/disputes/create-dispute";
import { OverClaimError } from "@/lib/disputes/over-claim";
import { recordRecovery } from "@/lib/disputes/record-recovery";
import { respondToRecovery } from "@/lib/disputes/respond-to-recovery";
import { reverseRecovery } from "@/lib/disputes/reverse-recovery";
import {
  bulkUpdateDisputesSchema,
  createDisputeFormSchema,
  createDisputesFormSchema,
  recordRecoveryFormSchema,
  respondRecoveryFormSchema,
  reverseRecoveryFormSchema,
  updateDisputeSchema,
} from "@/lib/disputes/schemas";
import { bulkUpdateDisputes, updateDispute } from "@/lib/disputes/update-dispute";
import { withFieldsRenamed } from "@/lib/errors";
import { action } from "@/lib/http/server-action";

// The forms of the disputes panel on a request page. Each calls one use case; the page refreshes after.

export const createDisputeAction = action({ permission: "dispute.write", input: createDisputeFormSchema }, ({ actor, input }) =>
  createDispute(actor, input.requestId, input.dispute),
);

export const createDisputesAction = action({ permission: "dispute.write", input: createDisputesFormSchema }, ({ actor, input }) =>
  createDisputes(actor, input.requestId, input.rows),
);

export const updateDisputeAction = action(
  { permission: "dispute.write", input: z.intersection(z.object({ disputeId: z.uuid() }), updateDisputeSchema) },
  async ({ actor, input }) => {
    const row = await updateDispute(actor, input.disputeId, { status: input.status, resolutionMethod: input.resolutionMethod });
    return { id: row.id, status: row.status };
  },
);

export const bulkUpdateDisputesAction = action({ permission: "dispute.write", input: bulkUpdateDisputesSchema }, ({ actor, input }) =>
  bulkUpdateDisputes(actor, input.requestId, input.ids, { status: input.status, resolutionMethod: input.resolutionMethod }),
);

// An amount above what is outstanding, not yet confirmed, is answered with the figures to confirm
// (nothing is written); the form shows them side by side and sends again with the confirmation.
export const recordRecoveryAction = action({ permission: "recovery.write", input: recordRecoveryFormSchema }, async ({ actor, input }) => {
  try {
    const entry = await recordRecovery(actor, input.disputeId, input.entry);
    return { id: entry.id };
  } catch (error) {
    if (error instanceof OverClaimError) return { overClaim: error.figures };
    throw withFieldsRenamed(error, { amountFen: "amountYuan" });
  }
});

export const reverseRecoveryAction = action({ permission: "recovery.write", input: reverseRecoveryFormSchema }, async ({ actor, input }) => {
  const entry = await reverseRecovery(actor, input.recoveryId, input.reason);
  return { id: entry.id };
});

export const respondRecoveryAction = action({ permission: "recovery.respond", input: respondRecoveryFormSchema }, async ({ actor, input }) => {
  const entry = await respondToRecovery(actor, input.recoveryId, { response: input.response, note: input.note });
  return { id: entry.id, response: entry.enterpriseResponse };
});
