import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/authz";
import { callActionAs } from "@/test/action-caller";
import { useTestDatabase } from "@/test/database";
import { createAdminActor, createEnterpriseActor } from "@/test/fixtures";
import { action, actionConfigOf } from "./server-action";

vi.mock("next/headers", () => import("@/test/next-request"));

useTestDatabase();

const handler = vi.fn(async ({ input }: { input: { name: string } }) => input.name);
const config = { permission: "token.manage" as const, input: z.object({ name: z.string().min(1) }) };
const issueSomething = action(config, handler);
const invalid = { name: "" };

describe("the server action wrapper", () => {
  let admin: Actor;
  let enterprise: Actor;
  beforeAll(async () => {
    admin = await createAdminActor();
    enterprise = await createEnterpriseActor();
  });

  it("answers an anonymous caller 401 before looking at the input", async () => {
    expect(await callActionAs("anonymous", issueSomething, invalid)).toMatchObject({ ok: false, code: "unauthorized" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers a signed-in caller without the permission 403 before looking at the input", async () => {
    const result = await callActionAs(enterprise, issueSomething, invalid);
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
    expect(result).not.toHaveProperty("fields");
    expect(handler).not.toHaveBeenCalled();
  });

  it("names the bad field to a caller who holds the permission", async () => {
    expect(await callActionAs(admin, issueSomething, invalid)).toMatchObject({
      ok: false,
      code: "invalid_input",
      fields: { name: expect.any(String) },
    });
    expect(await callActionAs(admin, issueSomething, { name: "县平台" })).toEqual({ ok: true, data: "县平台" });
  });

  it("keeps the configuration each action was built with", () => {
    expect(actionConfigOf(issueSomething)).toBe(config);
    expect(actionConfigOf(async () => null)).toBeUndefined();
  });
});
