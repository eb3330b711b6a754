import { describe, expect, it } from "vitest";
import { userRoles } from "@/lib/enums";
import { allows, can, coversRegion, isUnscopedAdmin, outsideDistrict, permissions, requireDistrict, requirePermission, type Actor } from "./authz";
import { AppError } from "./errors";

// The whole table, spelled out: a change to who may do what must change this test too.
const expected: Record<string, string> = {
  "me.read": "enterprise expert station admin",
  "me.changePassword": "enterprise expert station admin",
  "me.updateAccount": "enterprise expert station admin",
  "notification.read": "enterprise expert station admin",
  "user.list": "admin",
  "user.create": "admin",
  "user.disable": "admin",
  "station.manage": "admin",
  "enterprise.members": "enterprise",
  "enterprise.readAny": "admin",
  "enterprise.verify": "admin",
  "expert.readPrivate": "expert admin",
  "expert.readAny": "admin",
  "expert.updateOwnProfile": "expert",
  "expert.suspend": "admin",
  "expert.reinstate": "admin",
  "expert.renew": "admin",
  "expert.retire": "admin",
  "expert.import": "admin",
  "expert.export": "admin",
  "expert.invite": "admin",
  "application.list": "admin",
  "application.check": "admin",
  "application.decide": "admin",
  "application.attach": "expert",
  "application.documents": "expert admin",
  "request.create": "enterprise station admin",
  "request.list": "enterprise expert station admin",
  "request.read": "enterprise expert station admin",
  "request.amend": "enterprise station",
  "request.withdraw": "enterprise station",
  "request.triage": "admin",
  "request.resolve": "expert",
  "request.contact": "expert",
  "request.confirm": "enterprise",
  "request.returnVisit": "admin",
  "request.receipt": "station admin",
  "referral.reply": "admin",
  "message.read": "enterprise expert station admin",
  "message.send": "enterprise expert station admin",
  "attachment.upload": "enterprise expert station admin",
  "attachment.download": "enterprise expert station admin",
  "routing.candidates": "admin",
  "routing.route": "admin",
  "routing.withdrawOffer": "admin",
  "routing.reassign": "admin",
  "routing.settings": "admin",
  "serviceLevels.read": "admin",
  "serviceLevels.write": "admin",
  "offer.list": "expert",
  "offer.answer": "expert",
  "dispute.read": "enterprise expert station admin",
  "dispute.write": "expert admin",
  "duty.plan": "station admin",
  "duty.answer": "expert",
  "duty.book": "enterprise station",
  "duty.attend": "station",
  "calendar.feed": "expert station",
  "visit.plan": "expert admin",
  "visit.read": "enterprise expert admin",
  "visit.answer": "enterprise",
  "visit.record": "expert",
  "caseHours.write": "expert",
  "panel.manage": "expert admin",
  "panel.answer": "expert",
  "panel.notes": "expert admin",
  "recovery.write": "expert admin",
  "recovery.respond": "enterprise",
  "typicalCase.manage": "admin",
  "report.read": "admin",
  "report.export": "admin",
  "appraisal.read": "admin",
  "appraisal.grade": "admin",
  "appraisal.readOwn": "expert",
  "token.manage": "admin",
  "audit.read": "admin",
  "audit.export": "admin",
};

describe("the permission table", () => {
  it("lists exactly the expected roles for every permission", () => {
    const actual = Object.fromEntries(
      Object.keys(permissions).map((p) => [p, userRoles.filter((r) => can(r, p as keyof typeof permissions)).join(" ")]),
    );
    expect(actual).toEqual(expected);
  });

  it("answers 401 without an actor and 403 for a role without the permission", () => {
    const enterprise = { role: "enterprise" } as Actor;
    expect(() => requirePermission(null, "me.read")).toThrow(expect.objectContaining({ code: "unauthorized" }) as AppError);
    expect(() => requirePermission(enterprise, "request.triage")).toThrow(expect.objectContaining({ code: "forbidden" }) as AppError);
    expect(requirePermission(enterprise, "request.create")).toBe(enterprise);
  });
});

describe("district administration", () => {
  const zoneAdmin = { role: "admin", regionScope: null } as Actor;
  const jiashanAdmin = { role: "admin", regionScope: "330421" } as Actor;
  const qingpuAdmin = { role: "admin", regionScope: "310118" } as Actor;
  const expert = { role: "expert", regionScope: null, expertId: "e" } as Actor;
  const code = (fn: () => void) => {
    try {
      fn();
      return "passes";
    } catch (error) {
      return (error as AppError).code;
    }
  };

  it("keeps the roster decisions (and hotline filings) to the district, refused (403) where the expert is visible", () => {
    for (const permission of [
      "expert.suspend",
      "expert.reinstate",
      "expert.renew",
      "expert.retire",
      "expert.invite",
      "expert.import",
      "appraisal.grade",
      "application.check",
      "application.decide",
      "application.documents",
      "request.create",
    ] as const) {
      expect(outsideDistrict[permission], permission).toBe("forbidden");
      expect(
        code(() => requireDistrict(qingpuAdmin, permission, "330421")),
        permission,
      ).toBe("forbidden");
      expect(
        code(() => requireDistrict(jiashanAdmin, permission, "330421102")),
        permission,
      ).toBe("passes");
      expect(
        code(() => requireDistrict(zoneAdmin, permission, "330421")),
        permission,
      ).toBe("passes");
    }
  });

  it("leaves the reads of the shared roster and applications zone-wide", () => {
    for (const permission of ["expert.readAny", "expert.export", "application.list"] as const) {
      expect(outsideDistrict[permission], permission).toBeUndefined();
      expect(allows(qingpuAdmin, permission), permission).toBe(true);
    }
  });

  it("answers 404 for routing another district's requests, which the admin does not see", () => {
    for (const permission of ["routing.candidates", "routing.route", "routing.withdrawOffer", "routing.reassign", "typicalCase.manage"] as const) {
      expect(outsideDistrict[permission], permission).toBe("notFound");
      expect(
        code(() => requireDistrict(qingpuAdmin, permission, "330421002")),
        permission,
      ).toBe("not_found");
    }
  });

  it("keeps zone-wide settings to unscoped admins: 403 at the gate, and not offered", () => {
    expect(outsideDistrict["routing.settings"]).toBe("zone");
    expect(code(() => requirePermission(jiashanAdmin, "routing.settings"))).toBe("forbidden");
    expect(requirePermission(zoneAdmin, "routing.settings")).toBe(zoneAdmin);
    expect([allows(zoneAdmin, "routing.settings"), allows(jiashanAdmin, "routing.settings")]).toEqual([true, false]);
  });

  it("says what requirePermission says", () => {
    const scoped = { ...zoneAdmin, tokenScopes: ["me.read"] } as Actor;
    expect([allows(null, "me.read"), allows(expert, "expert.suspend"), allows(scoped, "expert.suspend"), allows(scoped, "me.read")]).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });

  it("lets other roles through requireDistrict (what is theirs is the use case's business)", () => {
    expect(code(() => requireDistrict(expert, "expert.suspend", "310118"))).toBe("passes");
  });

  it("counts an unscoped admin as an admin of every district, and a district's towns as the district's", () => {
    expect([isUnscopedAdmin(zoneAdmin), isUnscopedAdmin(jiashanAdmin), isUnscopedAdmin(expert)]).toEqual([true, false, false]);
    expect([coversRegion(zoneAdmin, "320509"), coversRegion(jiashanAdmin, "330421102"), coversRegion(jiashanAdmin, "330402")]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
