import { describe, expect, it } from "vitest";
import { requestStatuses, type RequestStatus } from "@/lib/enums";
import { canTransition, transitions, type TransitionName } from "./state-machine";

/**
 * The request lifecycle written out by hand, independently of the table in state-machine.ts:
 * for each action, the states it may start from and where it leads. Every other pair is illegal.
 */
const expected: Record<TransitionName, { from: RequestStatus[]; to: RequestStatus }> = {
  triage: { from: ["submitted"], to: "triaged" },
  return: { from: ["submitted"], to: "returned" },
  reject: { from: ["submitted"], to: "rejected" },
  resubmit: { from: ["returned"], to: "submitted" },
  withdraw: { from: ["submitted", "returned", "triaged", "offered"], to: "withdrawn" },
  offer: { from: ["triaged", "offered"], to: "offered" },
  exhaust: { from: ["triaged", "offered"], to: "triaged" },
  accept: { from: ["offered"], to: "accepted" },
  start: { from: ["accepted"], to: "in_progress" },
  reassign: { from: ["accepted", "in_progress"], to: "triaged" },
  resolve: { from: ["accepted", "in_progress"], to: "resolved" },
  close: { from: ["resolved"], to: "closed" },
  object: { from: ["resolved"], to: "in_progress" },
};

const actions = Object.keys(expected) as TransitionName[];

describe("the request state machine", () => {
  it("knows exactly the actions of the lifecycle", () => {
    expect(Object.keys(transitions).sort()).toEqual([...actions].sort());
  });

  for (const action of actions) {
    describe(action, () => {
      for (const from of requestStatuses) {
        const legal = expected[action].from.includes(from);
        it(`${legal ? "allows" : "refuses"} ${action} from ${from}`, () => {
          expect(canTransition(from, action)).toBe(legal);
        });
      }
      it(`leads to ${expected[action].to}`, () => {
        expect(transitions[action].to).toBe(expected[action].to);
      });
    });
  }

  it("never leaves a final state", () => {
    for (const final of ["rejected", "closed", "withdrawn"] as const) {
      expect(actions.filter((a) => canTransition(final, a))).toEqual([]);
    }
  });

  it("cannot withdraw once an expert has accepted", () => {
    for (const from of ["accepted", "in_progress", "resolved", "closed"] as const) expect(canTransition(from, "withdraw")).toBe(false);
  });
});
