import { describe, expect, it } from "vitest";
import { disputeStatuses } from "@/lib/enums";
import { canMoveDispute, disputeStatusesFrom, isClosedDisputeStatus } from "./status-flow";

describe("dispute status flow", () => {
  it("moves an open dispute into any working or closing status", () => {
    for (const to of ["negotiating", "mediating", "litigating", "arbitrating", "enforcing", "resolved", "unresolved", "withdrawn"] as const) {
      expect(canMoveDispute("open", to)).toBe(true);
    }
  });

  it("moves between working statuses, as a case goes from negotiation to court to enforcement", () => {
    expect(canMoveDispute("negotiating", "litigating")).toBe(true);
    expect(canMoveDispute("litigating", "enforcing")).toBe(true);
    expect(canMoveDispute("enforcing", "resolved")).toBe(true);
  });

  it("never reopens, never changes a closed dispute, and refuses a change to the same status", () => {
    for (const from of disputeStatuses) expect(canMoveDispute(from, "open")).toBe(false);
    for (const from of ["resolved", "unresolved", "withdrawn"] as const) {
      for (const to of disputeStatuses) expect(canMoveDispute(from, to)).toBe(false);
    }
    expect(canMoveDispute("mediating", "mediating")).toBe(false);
    expect(disputeStatusesFrom("open")).toEqual([]);
  });

  it("knows the three closing statuses", () => {
    expect(disputeStatuses.filter(isClosedDisputeStatus)).toEqual(["resolved", "unresolved", "withdrawn"]);
  });
});
