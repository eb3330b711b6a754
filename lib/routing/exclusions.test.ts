import { describe, expect, it } from "vitest";
import { exclusionOf } from "./exclusions";
import { facts, request } from "@/test/routing-facts";

const today = "2026-06-01";
const why = (overrides: Parameters<typeof facts>[0], req = request) => exclusionOf(req, facts(overrides), today)?.code ?? null;

describe("hard filters", () => {
  it("let through an active expert with a current term, room and the specialty", () => {
    expect(why({})).toBeNull();
  });
  it("exclude experts without a current appointment, on the end date too", () => {
    expect(why({ termEnd: "2026-06-01" })).toBe("excluded.notCurrent");
    expect(why({ termStart: "2026-06-02" })).toBe("excluded.notCurrent");
    expect(why({ status: "retired" })).toBe("excluded.notCurrent");
    expect(why({ status: "pending", termStart: null, termEnd: null })).toBe("excluded.notCurrent");
  });
  it("exclude suspended experts and those paused until a later date", () => {
    expect(why({ status: "suspended" })).toBe("excluded.suspended");
    expect(why({ pausedUntil: "2026-06-02" })).toBe("excluded.paused");
    expect(why({ pausedUntil: today })).toBeNull();
  });
  it("exclude a declared conflict with the enterprise or a counterparty", () => {
    expect(exclusionOf(request, facts({ conflictParty: "嘉兴某贸易有限公司" }), today)).toEqual({
      code: "excluded.conflict",
      params: { party: "嘉兴某贸易有限公司" },
    });
  });
  it("exclude experts who already declined, let an offer expire, or were skipped or taken off this request", () => {
    expect(why({ standing: "declined" })).toBe("excluded.declinedHere");
    expect(why({ standing: "expired" })).toBe("excluded.expiredHere");
    expect(why({ standing: "withdrawn" })).toBe("excluded.withdrawnHere");
    expect(why({ standing: "reassigned" })).toBe("excluded.reassignedHere");
    expect(why({ standing: "pending" })).toBe("excluded.offerPending");
    expect(why({ skipped: true })).toBe("excluded.skipped");
    expect(why({ panelMember: true })).toBe("excluded.panelMember");
  });
  it("exclude experts without any needed specialty, but not those covering one of several", () => {
    expect(why({ specialties: ["ip"] })).toBe("excluded.noSpecialty");
    expect(why({ specialties: ["contract"] }, { ...request, specialties: ["debt_collection", "contract"] })).toBeNull();
    expect(why({ specialties: [] }, { ...request, specialties: [] })).toBeNull();
  });
  it("exclude experts at capacity, counting offers they have not answered yet", () => {
    expect(why({ capacity: 2, activeCases: 2 })).toBe("excluded.atCapacity");
    expect(why({ capacity: 2, activeCases: 1, pendingOffers: 1 })).toBe("excluded.atCapacity");
    expect(why({ capacity: 2, activeCases: 1 })).toBeNull();
  });
});
