import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("@/lib/auth/actor", () => ({ actorFromHeaders: async () => null }));

const { action } = await import("./server-action");

describe("a server action's text that cannot be stored", () => {
  // A bare z.string() stands for any field a schema declares without the shared text helpers.
  const save = action({ permission: "public", input: z.object({ specialties: z.array(z.string()), note: z.string() }) }, async ({ input }) => input);

  it("is refused with the field named, whatever the schema says, before the use case runs", async () => {
    const form = new FormData();
    form.append("specialties[]", "debt_collection");
    form.append("specialties[]", "contract\u0000");
    form.set("note", "ok");
    const result = await save(form);
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(result.ok ? {} : result.fields).toHaveProperty(["specialties.1"]);
    const surrogate = await save({ specialties: [], note: "\udfff" });
    expect(surrogate.ok ? {} : surrogate.fields).toHaveProperty("note");
  });

  it("passes ordinary text through", async () => {
    expect(await save({ specialties: ["debt_collection"], note: "合同纠纷 😀" })).toMatchObject({ ok: true });
  });
});
