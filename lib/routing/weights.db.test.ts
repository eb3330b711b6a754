import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createAdminActor, createExpertActor } from "@/test/fixtures";
import { routingSettingsSchema } from "./schemas";
import { defaultRoutingSettings, getRoutingSettings, listRoutingSettingsHistory, updateRoutingSettings } from "./weights";

useTestDatabase();

describe("routing settings", () => {
  it("start from the defaults, change, and keep every change with who made it", async () => {
    expect(await getRoutingSettings()).toEqual(defaultRoutingSettings);
    const admin = await createAdminActor();
    const next = { weights: { ...defaultRoutingSettings.weights, rotation: 40 }, deadlines: { normalHours: 72, urgentHours: 24 } };
    await updateRoutingSettings(admin, next);
    expect(await getRoutingSettings()).toEqual(next);
    const history = await listRoutingSettingsHistory(admin, { page: 1, pageSize: 10 });
    expect(history.total).toBe(1);
    expect(history.items[0]).toMatchObject({ actorName: admin.name, before: defaultRoutingSettings, after: next });
  });

  it("are for admins only", async () => {
    const expert = await createExpertActor();
    await expect(updateRoutingSettings(expert, defaultRoutingSettings)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuse weights out of range, all zero, or an urgent deadline longer than the normal one", () => {
    const bad = (patch: object) => routingSettingsSchema.safeParse({ ...defaultRoutingSettings, ...patch }).success;
    expect(bad({ weights: { ...defaultRoutingSettings.weights, load: 101 } })).toBe(false);
    expect(bad({ weights: { specialty: 0, region: 0, load: 0, languageMode: 0, trackRecord: 0, rotation: 0 } })).toBe(false);
    expect(bad({ deadlines: { normalHours: 12, urgentHours: 48 } })).toBe(false);
    expect(bad({})).toBe(true);
  });
});
