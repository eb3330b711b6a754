import { AppError } from "@/lib/errors";

/**
 * The figures a recorder sees side by side before recording more than a dispute's outstanding
 * claim: what was claimed, what the ledger holds, what is still outstanding (never below zero),
 * this entry and the ledger's total after it. Pure, so the form can show them before it sends.
 */
export interface OverClaimFigures {
  claimedFen: bigint;
  recoveredFen: bigint;
  outstandingFen: bigint;
  amountFen: bigint;
  totalAfterFen: bigint;
}

export function overClaimFigures(claimedFen: bigint, recoveredFen: bigint, amountFen: bigint): OverClaimFigures {
  const outstanding = claimedFen - recoveredFen;
  return {
    claimedFen,
    recoveredFen,
    outstandingFen: outstanding > 0n ? outstanding : 0n,
    amountFen,
    totalAfterFen: recoveredFen + amountFen,
  };
}

/** True when the amount is more than is still outstanding, so recording it needs a confirmation. */
export const isOverClaim = (f: OverClaimFigures) => f.amountFen > f.claimedFen - f.recoveredFen;

/**
 * 422 on `amountFen` (the API's answer is unchanged), carrying the figures read under the
 * request's lock, so a form can show them and ask for the confirmation.
 */
export class OverClaimError extends AppError {
  constructor(readonly figures: OverClaimFigures) {
    super("invalid_input", "errors.invalidInput", { fields: { amountFen: "disputes.errors.overClaim" } });
  }
}
