import { z } from "zod";
import { disputeKinds, disputeStatuses, recoveryMethods } from "@/lib/enums";
import { todayInShanghai } from "@/lib/clock";
import { dateField, fenField, optionalCreditCodeField, optionalText, requiredText, yuanField } from "@/lib/validation";

// One schema per input, shared by the API (integer fen) and the forms (typed yuan, parsed as text).

/** A calendar date that exists and is not after today in Asia/Shanghai (money cannot arrive tomorrow). */
export const pastDateField = dateField
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, "errors.field.date")
  .refine((value) => value <= todayInShanghai(), "disputes.errors.futureDate");

/** A positive amount of fen from the API. */
const positiveFenField = fenField.min(1, "errors.field.amountPositive");
/** A positive amount typed in yuan. */
const positiveYuanField = yuanField.refine((fen) => fen > 0n, "errors.field.amountPositive");

export interface CreateDisputeInput {
  counterpartyName: string;
  counterpartyCreditCode?: string;
  kind: (typeof disputeKinds)[number];
  claimedFen: bigint;
}

/** POST /api/v1/requests/{id}/disputes */
export const createDisputeApiSchema = z
  .object({
    counterparty: z.object({ name: requiredText(200), creditCode: optionalCreditCodeField }),
    kind: z.enum(disputeKinds, { error: "errors.field.required" }),
    claimedFen: fenField,
  })
  .transform(
    (v): CreateDisputeInput => ({
      counterpartyName: v.counterparty.name,
      counterpartyCreditCode: v.counterparty.creditCode,
      kind: v.kind,
      claimedFen: BigInt(v.claimedFen),
    }),
  );

/** The "add a dispute" form. */
export const createDisputeFormSchema = z
  .object({
    requestId: z.uuid(),
    counterpartyName: requiredText(200),
    counterpartyCreditCode: optionalCreditCodeField,
    kind: z.enum(disputeKinds, { error: "errors.field.required" }),
    claimedYuan: yuanField,
  })
  .transform((v) => ({
    requestId: v.requestId,
    dispute: {
      counterpartyName: v.counterpartyName,
      counterpartyCreditCode: v.counterpartyCreditCode,
      kind: v.kind,
      claimedFen: v.claimedYuan,
    } satisfies CreateDisputeInput,
  }));

/** The most disputes one table (or one API call) may open at once. */
export const MAX_DISPUTES_AT_ONCE = 200;

/** POST /api/v1/requests/{id}/disputes/bulk: all rows or none; a bad row answers 422 on `disputes.<index>.<field>`. */
export const createDisputesApiSchema = z
  .object({
    disputes: z.array(createDisputeApiSchema).min(1, "disputes.errors.noRows").max(MAX_DISPUTES_AT_ONCE, "disputes.errors.batchSize"),
  })
  .transform((v): CreateDisputeInput[] => v.disputes);

/** One row of the "add several disputes" table, as typed or pasted (the amount in yuan). */
export const disputeRowFormSchema = z
  .object({
    counterpartyName: requiredText(200),
    counterpartyCreditCode: optionalCreditCodeField,
    kind: z.enum(disputeKinds, { error: "disputes.errors.kindUnknown" }),
    claimedYuan: yuanField,
  })
  .transform(
    (v): CreateDisputeInput => ({
      counterpartyName: v.counterpartyName,
      counterpartyCreditCode: v.counterpartyCreditCode,
      kind: v.kind,
      claimedFen: v.claimedYuan,
    }),
  );

/** The "add several disputes" table; field messages come back as `rows.<index>.<field>`. */
export const createDisputesFormSchema = z.object({
  requestId: z.uuid(),
  rows: z.array(disputeRowFormSchema).min(1, "disputes.errors.noRows").max(MAX_DISPUTES_AT_ONCE, "disputes.errors.batchSize"),
});

const resolutionMethodField = z
  .union([z.enum(recoveryMethods), z.literal("")])
  .optional()
  .transform((v) => (v ? v : undefined));

/** PATCH /api/v1/disputes/{id} */
export const updateDisputeSchema = z.object({
  status: z.enum(disputeStatuses, { error: "disputes.errors.statusMissing" }),
  resolutionMethod: resolutionMethodField,
});
export type UpdateDisputeInput = z.output<typeof updateDisputeSchema>;

/** The bulk status change of the disputes table: many disputes of one request at once. */
export const bulkUpdateDisputesSchema = z.object({
  requestId: z.uuid(),
  ids: z.array(z.uuid()).min(1, "disputes.errors.noneSelected").max(500),
  status: z.enum(disputeStatuses, { error: "errors.field.required" }),
  resolutionMethod: resolutionMethodField,
});

export interface RecordRecoveryInput {
  amountFen: bigint;
  receivedOn: string;
  method: (typeof recoveryMethods)[number];
  note?: string;
  /** The recorder confirmed an amount above the dispute's outstanding claim. */
  confirmOverClaim?: boolean;
}

/** POST /api/v1/disputes/{id}/recoveries */
export const recordRecoveryApiSchema = z
  .object({
    amountFen: positiveFenField,
    receivedOn: pastDateField,
    method: z.enum(recoveryMethods, { error: "errors.field.required" }),
    note: optionalText(1000),
    confirmOverClaim: z.boolean({ error: "errors.field.invalid" }).optional(),
  })
  .transform((v): RecordRecoveryInput => ({ ...v, amountFen: BigInt(v.amountFen) }));

/** The "record money received" form. */
export const recordRecoveryFormSchema = z
  .object({
    disputeId: z.uuid(),
    amountYuan: positiveYuanField,
    receivedOn: pastDateField,
    method: z.enum(recoveryMethods, { error: "errors.field.required" }),
    note: optionalText(1000),
    // a checkbox: present ("true") only when ticked
    confirmOverClaim: z.literal("true").optional(),
  })
  .transform((v) => ({
    disputeId: v.disputeId,
    entry: {
      amountFen: v.amountYuan,
      receivedOn: v.receivedOn,
      method: v.method,
      note: v.note,
      confirmOverClaim: v.confirmOverClaim === "true",
    } satisfies RecordRecoveryInput,
  }));

/** POST /api/v1/recoveries/{id}/reverse */
export const reverseRecoverySchema = z.object({ reason: requiredText(500) });
export const reverseRecoveryFormSchema = reverseRecoverySchema.extend({ recoveryId: z.uuid() });

export const enterpriseResponses = ["confirmed", "queried"] as const;
export type EnterpriseResponse = (typeof enterpriseResponses)[number];

/** The enterprise's answer to a ledger entry; a query says what is wrong. */
export const respondRecoverySchema = z
  .object({
    response: z.enum(enterpriseResponses, { error: "errors.field.required" }),
    note: optionalText(1000),
  })
  .refine((v) => v.response !== "queried" || Boolean(v.note), { path: ["note"], message: "disputes.errors.queryNeedsNote" });
export const respondRecoveryFormSchema = z
  .object({ recoveryId: z.uuid(), response: z.enum(enterpriseResponses, { error: "errors.field.required" }), note: optionalText(1000) })
  .refine((v) => v.response !== "queried" || Boolean(v.note), { path: ["note"], message: "disputes.errors.queryNeedsNote" });
