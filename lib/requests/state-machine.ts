import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Tx } from "@/db";
import { requests } from "@/db/schema";
import { clockSql } from "@/lib/clock";
import type { RequestStatus } from "@/lib/enums";
import type { Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";

/**
 * The request lifecycle, in one place. Each action names the states it may start from and the
 * state it leads to; anything else is an illegal transition (409), never a silent change.
 */
export const transitions = {
  triage: { from: ["submitted"], to: "triaged" },
  return: { from: ["submitted"], to: "returned" },
  reject: { from: ["submitted"], to: "rejected" },
  resubmit: { from: ["returned"], to: "submitted" },
  withdraw: { from: ["submitted", "returned", "triaged", "offered"], to: "withdrawn" },
  offer: { from: ["triaged", "offered"], to: "offered" },
  /** Every candidate declined or let the offer lapse: back to the admin queue. */
  exhaust: { from: ["offered", "triaged"], to: "triaged" },
  accept: { from: ["offered"], to: "accepted" },
  start: { from: ["accepted"], to: "in_progress" },
  /** An admin takes an accepted case from its expert to offer it to another. */
  reassign: { from: ["accepted", "in_progress"], to: "triaged" },
  resolve: { from: ["accepted", "in_progress"], to: "resolved" },
  close: { from: ["resolved"], to: "closed" },
  /** The company does not accept the outcome: the case goes back to its expert. */
  object: { from: ["resolved"], to: "in_progress" },
} as const satisfies Record<string, { from: readonly RequestStatus[]; to: RequestStatus }>;

export type TransitionName = keyof typeof transitions;

/**
 * A case is active while its expert holds it and may still resolve it: it counts against the
 * expert's capacity. The routing profiles count it in SQL too (`active_cases`,
 * `refresh_expert_routing_profile`); lib/routing/profile-rules.db.test.ts holds the two equal.
 */
export const ACTIVE_CASE_STATUSES = transitions.resolve.from;

export function canTransition(from: RequestStatus, action: TransitionName): boolean {
  return (transitions[action].from as readonly RequestStatus[]).includes(from);
}

/**
 * Moves a request along the lifecycle with one conditional UPDATE (so two racing callers cannot
 * both succeed) and writes the step's one event in the same transaction. Throws 409 when the request
 * is not in a state the action may start from. `set` adds columns to change in the same statement;
 * `where` adds conditions to the same statement (for example "this actor is the assigned expert"),
 * so a guard and the change cannot be separated by a race. `then` is the rest of the same step,
 * done after the request's row is locked by the move (making the offer of an "offer" step); what it
 * returns is recorded with the event, so a step never needs a second event of its own.
 */
export async function applyTransition<Step extends Record<string, unknown> = Record<string, never>>(
  tx: Tx,
  actor: Actor | null,
  requestId: string,
  action: TransitionName,
  options: {
    reason?: string | null;
    set?: PgUpdateSetSource<typeof requests>;
    where?: SQL;
    data?: Record<string, unknown>;
    then?: () => Promise<Step>;
  } = {},
): Promise<{ from: RequestStatus[]; to: RequestStatus; step: Step | undefined }> {
  const { from, to } = transitions[action];
  const [row] = await tx
    .update(requests)
    .set({ ...options.set, status: to, updatedAt: clockSql() })
    .where(and(eq(requests.id, requestId), inArray(requests.status, [...from]), options.where))
    .returning({ id: requests.id });
  if (!row) throw new AppError("conflict", "errors.conflict");
  const step = await options.then?.();
  await recordEvent(tx, actor, {
    type: `request.${action}`,
    entityType: "request",
    entityId: requestId,
    requestId,
    reason: options.reason ?? null,
    data: { to, ...options.data, ...step },
  });
  return { from: [...from], to, step };
}
