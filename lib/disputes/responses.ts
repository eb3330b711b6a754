import { z } from "zod";
import { disputeKinds, disputeStatuses, recoveryMethods } from "@/lib/enums";
import { calendarDate, fen, id, timestamp } from "@/lib/http/wire";
import { enterpriseResponses } from "./schemas";

// The answers of the dispute and ledger routes, as they are on the wire.

const status = z.enum(disputeStatuses);

export const requestDisputesResponse = z.strictObject({
  items: z.array(
    z.strictObject({
      id,
      counterpartyName: z.string(),
      counterpartyCreditCode: z.string().nullable(),
      kind: z.enum(disputeKinds),
      claimedFen: fen,
      status,
      resolutionMethod: z.string().nullable(),
      openedAt: timestamp,
      closedAt: timestamp.nullable(),
      /** The ledger's sum for the dispute: money received less reversals. */
      recoveredFen: fen,
      entries: z.number().int(),
    }),
  ),
  total: z.number().int(),
  totals: z.strictObject({ count: z.number().int(), open: z.number().int(), closed: z.number().int(), claimedFen: fen, recoveredFen: fen }),
});

export const disputeCreatedResponse = z.strictObject({ id, status: z.literal("open") });
/** The disputes opened together, in the order of the rows sent. */
export const disputesCreatedResponse = z.strictObject({ ids: z.array(id) });
export const disputeUpdatedResponse = z.strictObject({ id, status, resolutionMethod: z.string().nullable(), closedAt: timestamp.nullable() });

/** One entry of the append-only ledger; a reversal is an entry of the opposite amount naming the one it reverses. */
export const ledgerEntryResponse = z.strictObject({
  id,
  disputeId: id,
  requestId: id,
  amountFen: fen,
  receivedOn: calendarDate,
  method: z.enum(recoveryMethods),
  note: z.string(),
  reversesId: id.nullable(),
  reason: z.string().nullable(),
  recordedBy: id,
  recordedAt: timestamp,
  enterpriseResponse: z.enum(enterpriseResponses).nullable(),
  enterpriseNote: z.string().nullable(),
});
