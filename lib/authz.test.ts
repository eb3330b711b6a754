import { describe, expect, it } from "vitest";
import { userRoles } from "@/lib/enums";
import { can, permissions, requirePermission, type Actor } from "./authz";
import { AppError } from "./errors";

// The whole table, spelled out: a change to who may do what must change this test too.
const expected: Record<string, string> = {
  "me.read": "enterprise expert station admin",
  "me.changePassword": "enterprise expert station admin",
  "notification.read": "enterprise expert station admin",
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
  "request.create": "enterprise station",
  "request.list": "enterprise expert station admin",
  "request.read": "enterprise expert station admin",
  "request.amend": "enterprise station",
  "request.withdraw": "enterprise station",
  "request.triage": "admin",
  "request.resolve": "expert",
  "request.confirm": "enterprise",
  "request.returnVisit": "admin",
  "message.read": "enterprise expert station admin",
  "message.send": "enterprise expert station admin",
  "attachment.upload": "enterprise expert station admin",
  "attachment.download": "enterprise expert station admin",
  "routing.candidates": "admin",
  "routing.route": "admin",
  "routing.withdrawOffer": "admin",
  "routing.reassign": "admin",
  "routing.settings": "admin",
  "offer.list": "expert",
  "offer.answer": "expert",
  "dispute.read": "enterprise expert station admin",
  "dispute.write": "expert admin",
  "recovery.write": "expert admin",
  "recovery.respond": "enterprise",
  "report.read": "admin",
  "report.export": "admin",
  "token.manage": "admin",
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
