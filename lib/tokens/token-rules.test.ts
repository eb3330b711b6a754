import { describe, expect, it } from "vitest";
import { grantableTokenScopes, mayIssueTokenFor, type Actor, type TokenHolder } from "@/lib/authz";

// Whom an admin may issue an API token for, and what it may be limited to (lib/authz.ts).

const admin = (userId: string, regionScope: string | null, tokenScopes?: string[]): Actor => ({
  userId,
  role: "admin",
  email: `${userId}@x.example`,
  name: userId,
  enterpriseId: null,
  stationId: null,
  expertId: null,
  regionScope,
  ...(tokenScopes ? { tokenScopes } : {}),
});
const holder = (over: Partial<TokenHolder>): TokenHolder => ({
  userId: "holder",
  role: "station",
  regionScope: null,
  integration: true,
  stationRegionCode: "330421002",
  ...over,
});

const unscoped = admin("zone", null);
const jiashan = admin("jiashan", "330421");

describe("mayIssueTokenFor", () => {
  it("the issuer itself", () => {
    expect(
      mayIssueTokenFor(jiashan, holder({ userId: "jiashan", role: "admin", integration: false, stationRegionCode: null, regionScope: "330421" })),
    ).toBe(true);
  });

  it("never a person's account or another admin", () => {
    for (const role of ["enterprise", "expert", "station", "admin"] as const)
      expect(mayIssueTokenFor(unscoped, holder({ role, integration: false }))).toBe(false);
  });

  it("a filing platform whose station lies in the issuer's district", () => {
    expect(mayIssueTokenFor(jiashan, holder({}))).toBe(true);
    expect(mayIssueTokenFor(jiashan, holder({ stationRegionCode: "310118001" }))).toBe(false);
    expect(mayIssueTokenFor(jiashan, holder({ stationRegionCode: null }))).toBe(false);
    expect(mayIssueTokenFor(unscoped, holder({ stationRegionCode: "310118001" }))).toBe(true);
  });

  it("a reporting system within the issuer's region; an unscoped one only for an unscoped issuer", () => {
    const reports = (regionScope: string | null) => holder({ role: "admin", regionScope, stationRegionCode: null });
    expect(mayIssueTokenFor(jiashan, reports("330421"))).toBe(true);
    expect(mayIssueTokenFor(jiashan, reports("330400"))).toBe(false);
    expect(mayIssueTokenFor(jiashan, reports(null))).toBe(false);
    expect(mayIssueTokenFor(unscoped, reports(null))).toBe(true);
  });

  it("no integration account of another kind", () => {
    expect(mayIssueTokenFor(unscoped, holder({ role: "enterprise" }))).toBe(false);
  });
});

describe("grantableTokenScopes", () => {
  it("what the account's role may do, never token management for a partner", () => {
    const scopes = grantableTokenScopes(jiashan, holder({}));
    expect(scopes).toEqual(expect.arrayContaining(["request.create", "request.read", "request.list"]));
    expect(scopes).not.toContain("request.triage");
    expect(grantableTokenScopes(unscoped, holder({ role: "admin", stationRegionCode: null }))).not.toContain("token.manage");
    expect(grantableTokenScopes(unscoped, holder({ userId: "zone", role: "admin", integration: false, stationRegionCode: null }))).toContain(
      "token.manage",
    );
  });

  it("a zone-wide permission only between unscoped admins", () => {
    const self = (actor: Actor) =>
      holder({ userId: actor.userId, role: "admin", regionScope: actor.regionScope, integration: false, stationRegionCode: null });
    expect(grantableTokenScopes(unscoped, self(unscoped))).toContain("routing.settings");
    expect(grantableTokenScopes(jiashan, self(jiashan))).not.toContain("routing.settings");
    expect(grantableTokenScopes(unscoped, holder({ role: "admin", regionScope: "330421", stationRegionCode: null }))).not.toContain(
      "routing.settings",
    );
  });

  it("within the caller's own token scopes", () => {
    const limited = admin("limited", null, ["token.manage", "report.read"]);
    expect(grantableTokenScopes(limited, holder({ userId: "limited", role: "admin", integration: false, stationRegionCode: null })).sort()).toEqual([
      "report.read",
      "token.manage",
    ]);
    expect(grantableTokenScopes(limited, holder({}))).toEqual([]);
  });
});
