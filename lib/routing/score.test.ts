import { describe, expect, it } from "vitest";
import {
  languageModeFit,
  loadFit,
  recentOffers,
  regionLevel,
  regionProximity,
  rotationFit,
  scoreCandidate,
  specialtyFit,
  trackRecordFit,
} from "./score";
import { facts, request } from "@/test/routing-facts";
import { defaultRoutingSettings } from "./weights";

const DAY = 86_400_000;
const now = new Date("2026-06-01T00:00:00Z");

describe("specialty fit", () => {
  it("is the share of the needed specialties covered", () => {
    expect(specialtyFit(["a", "b"], ["a", "c"])).toEqual({ value: 0.5, hits: 1 });
    expect(specialtyFit(["a", "b"], ["b", "a"]).value).toBe(1);
    expect(specialtyFit(["a"], ["c"]).value).toBe(0);
  });
  it("is met when the request names no specialty", () => {
    expect(specialtyFit([], ["a"]).value).toBe(1);
  });
});

describe("region proximity", () => {
  it("orders same county > zone > same province > elsewhere in the Delta", () => {
    expect(regionLevel("330421002", "330421")).toBe("sameCounty");
    expect(regionLevel("330421002", "330421105")).toBe("sameCounty");
    expect(regionLevel("330421002", "310118")).toBe("zone");
    expect(regionLevel("320509104", "330421")).toBe("zone");
    expect(regionLevel("330421002", "330402")).toBe("sameProvince");
    expect(regionLevel("330106", "310118")).toBe("delta");
    // a zone district and a non-zone district of another province are not "zone"
    expect(regionLevel("330421", "310115")).toBe("delta");
    const values = ["330421", "310118", "330106", "340104"].map((home) => regionProximity("330421002", home, []).value);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    expect(new Set(values).size).toBe(4);
  });
  it("takes the closest of the home region and the regions served", () => {
    expect(regionProximity("310118102", "340104", ["310118"]).level).toBe("sameCounty");
    expect(regionProximity("310118102", "340104", ["310000"]).level).toBe("sameProvince");
  });
});

describe("load", () => {
  it("falls from 1 with nothing outstanding to 0 at capacity, counting open offers", () => {
    expect(loadFit(0, 0, 4)).toBe(1);
    expect(loadFit(1, 1, 4)).toBe(0.5);
    expect(loadFit(4, 0, 4)).toBe(0);
    expect(loadFit(5, 1, 4)).toBe(0);
    expect(loadFit(0, 0, 0)).toBe(0);
  });
});

describe("language and service mode", () => {
  it("gives half for each preference met, and counts an unstated one as met", () => {
    expect(languageModeFit(null, null, [], []).value).toBe(1);
    expect(languageModeFit("wu", "online", ["zh", "wu"], ["onsite"]).value).toBe(0.5);
    expect(languageModeFit("wu", "online", ["zh"], ["online"])).toMatchObject({ value: 0.5, languageMet: false, modeMet: true });
    expect(languageModeFit("wu", "online", ["zh"], ["onsite"]).value).toBe(0);
  });
});

describe("track record", () => {
  const none = { offersAccepted: 0, offersDeclined: 0, offersExpired: 0, casesResolved: 0, casesReassigned: 0, ratingSum: 0, ratingCount: 0 };
  it("starts a new expert at the neutral prior", () => {
    const fresh = trackRecordFit(none);
    expect(fresh.isNew).toBe(true);
    expect(fresh.acceptance).toBeCloseTo(0.7);
    expect(fresh.resolution).toBeCloseTo(0.8);
    expect(fresh.rating).toBeCloseTo(4);
  });
  it("moves towards the record as it grows, so one bad answer does not sink a newcomer", () => {
    const oneDecline = trackRecordFit({ ...none, offersDeclined: 1 });
    const manyDeclines = trackRecordFit({ ...none, offersDeclined: 30 });
    const reliable = trackRecordFit({ ...none, offersAccepted: 30, casesResolved: 25, ratingSum: 5 * 20, ratingCount: 20 });
    expect(oneDecline.acceptance).toBeGreaterThan(0.5);
    expect(manyDeclines.acceptance).toBeLessThan(0.1);
    expect(reliable.value).toBeGreaterThan(trackRecordFit(none).value);
    expect(trackRecordFit(none).value).toBeGreaterThan(manyDeclines.value);
  });
});

describe("fair rotation", () => {
  it("counts recent offers, halving every two weeks", () => {
    expect(recentOffers(0, null, now)).toBe(0);
    expect(recentOffers(2, now.getTime(), now)).toBe(2);
    expect(recentOffers(2, now.getTime() - 14 * DAY, now)).toBeCloseTo(1);
    expect(recentOffers(2, now.getTime() - 140 * DAY, now)).toBeLessThan(0.01);
  });
  it("prefers the expert with fewer recent offers", () => {
    expect(rotationFit(0)).toBe(1);
    expect(rotationFit(1)).toBeGreaterThan(rotationFit(3));
  });
});

describe("score", () => {
  it("adds the weighted parts into 0..100, with a reason for each part", () => {
    const best = scoreCandidate(request, facts(), defaultRoutingSettings.weights, now);
    const parts = Object.fromEntries(best.parts.map((p) => [p.name, p.value]));
    expect(parts).toMatchObject({ specialty: 1, region: 1, load: 1, languageMode: 1, rotation: 1 });
    expect(best.parts.reduce((s, p) => s + p.points, 0)).toBeCloseTo(best.exact);
    expect(best.score).toBe(Math.round(best.exact));
    expect(best.reasons.map((r) => r.code)).toEqual(["specialty", "region.sameCounty", "load", "track.new", "rotation.none"]);
    const busy = scoreCandidate(request, facts({ activeCases: 4, rotationHeat: 3, rotationAt: now.getTime() }), defaultRoutingSettings.weights, now);
    expect(busy.exact).toBeLessThan(best.exact);
  });
  it("follows the weights: with only region weighted, the score is the region part", () => {
    const weights = { specialty: 0, region: 10, load: 0, languageMode: 0, trackRecord: 0, rotation: 0 };
    expect(scoreCandidate(request, facts({ homeRegionCode: "310118" }), weights, now).exact).toBeCloseTo(70);
  });
});
