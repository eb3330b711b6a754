import { describe, expect, it } from "vitest";
import { hasMessage } from "@/lib/i18n/translate";
import { read, sourceFiles } from "@/test/source-files";
import { auditEntityTypes, auditEventTypes, entityTypeKey, eventTypeKey } from "./event-types";
import { actorRoleLabel, compactData, eventTypeLabel } from "./labels";

describe("the audit trail's labels", () => {
  it("name every event type and every kind of record in both languages", () => {
    const missing = (["zh-CN", "en"] as const).flatMap((locale) => [
      ...auditEventTypes.filter((type) => !hasMessage(locale, eventTypeKey(type))).map((type) => `${locale} ${type}`),
      ...auditEntityTypes.filter((type) => !hasMessage(locale, entityTypeKey(type))).map((type) => `${locale} ${type}`),
    ]);
    expect(missing).toEqual([]);
    expect(new Set(auditEventTypes.map(eventTypeKey)).size).toBe(auditEventTypes.length);
  });

  it("list every event type the code writes (so the filter offers it and it reads as words)", () => {
    const written = new Set(
      sourceFiles()
        .filter((file) => !file.includes("/db/seed/"))
        .flatMap((file) => [...read(file).matchAll(/\btype: "([a-z_]+\.[a-zA-Z_.-]+)"/g)].map((m) => m[1]!)),
    );
    expect([...written].filter((type) => !(auditEventTypes as readonly string[]).includes(type)).sort()).toEqual([]);
  });

  it("show a type it does not know by its code, and the system as the system", () => {
    expect(eventTypeLabel("expert.appointmentEnded", "zh-CN")).toBe("聘期届满");
    expect(eventTypeLabel("expert.appointmentEnded", "en")).toBe("Term ended");
    expect(eventTypeLabel("pilot.not_a_type", "zh-CN")).toBe("pilot.not_a_type");
    expect(actorRoleLabel("system", "zh-CN")).toBe("系统");
    expect(actorRoleLabel("admin", "en")).toBe("Law society admin");
  });

  it("put an event's data on one short line", () => {
    expect(compactData({ termStart: "2026-01-01", termEnd: "2029-01-01", empty: null })).toBe("termStart: 2026-01-01 · termEnd: 2029-01-01");
    expect(compactData({ scopes: ["request.read", "report.read"], after: { weights: { region: 20 } } })).toBe(
      'scopes: request.read, report.read · after: {"weights":{"region":20}}',
    );
    expect(compactData({ note: "很".repeat(500) }).length).toBeLessThanOrEqual(240);
    expect(compactData(null)).toBe("");
  });
});
