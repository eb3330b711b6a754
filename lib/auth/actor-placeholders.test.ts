import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz";
import { actorPlaceholders } from "./actor-placeholders";

const company = (enterpriseId: string): Actor => ({
  userId: `u-${enterpriseId}`,
  role: "enterprise",
  email: "c@example.com",
  name: "C",
  enterpriseId,
  stationId: null,
  expertId: null,
  regionScope: null,
});

describe("actorPlaceholders", () => {
  it("gives two actors of one shape one key, each with its own values", () => {
    const a = actorPlaceholders(company("e1"));
    const b = actorPlaceholders(company("e2"));
    expect(a.key).toBe(b.key);
    expect(a.values).toEqual({ actorUserId: "u-e1", actorEnterpriseId: "e1" });
    expect(b.values).toEqual({ actorUserId: "u-e2", actorEnterpriseId: "e2" });
  });

  it("keys apart what changes the SQL: the role, which ids are set, an admin's region scope", () => {
    const admin = (regionScope: string | null): Actor => ({ ...company("x"), role: "admin", enterpriseId: null, regionScope });
    const keys = [
      actorPlaceholders(company("e1")).key,
      actorPlaceholders({ ...company("e1"), enterpriseId: null }).key,
      actorPlaceholders({ ...company("e1"), role: "expert", enterpriseId: null, expertId: "x1" }).key,
      actorPlaceholders({ ...company("e1"), role: "expert", enterpriseId: null }).key,
      actorPlaceholders(admin(null)).key,
      actorPlaceholders(admin("330421")).key,
      actorPlaceholders(admin("330402")).key,
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("leaves an unset id unset, so the rules still see that it is missing", () => {
    const { template, values } = actorPlaceholders({ ...company("e1"), enterpriseId: null });
    expect(template.enterpriseId).toBeNull();
    expect(values).not.toHaveProperty("actorEnterpriseId");
  });
});
