import { describe, expect, it } from "vitest";
import { requestColumns } from "./request-details";
import { amendRequestFormSchema, fileRequestApiSchema, fileRequestFormSchema } from "./schemas";

// Every field a filer fills in must reach the request's row, on filing and on amending alike:
// a field added to the schema but not to requestColumns is lost without an error.

const filled = {
  title: "货款未付",
  category: "debt_collection",
  specialties: ["debt_collection"],
  description: "对方至今未付款。",
  counterparties: [{ name: "嘉兴某贸易有限公司" }],
  urgency: "urgent",
  regionCode: "330421002",
  language: "wu",
  serviceMode: "onsite",
  preferredExpertId: "0b6f3f7e-6c1a-4c55-9d6e-2f1d3c4b5a69",
};
// Stored in tables of their own (specialties, counterparties, the walk-in's company) or not stored at all.
const elsewhere = ["specialties", "counterparties", "enterprise", "idempotencyKey", "requestId", "note"];

describe("a request's columns", () => {
  it.each([
    ["filing form", fileRequestFormSchema.parse({ ...filled, amountYuan: "1280000.50", idempotencyKey: "key-12345678" })],
    ["filing API", fileRequestApiSchema.parse({ ...filled, amountAtStakeFen: 128_000_050 })],
    ["amending form", amendRequestFormSchema.parse({ ...filled, amountYuan: "1280000.50", requestId: filled.preferredExpertId, note: "补充" })],
  ])("take every field of the %s", (_name, parsed) => {
    const fields = Object.fromEntries(Object.entries(parsed).filter(([name]) => !elsewhere.includes(name)));
    expect(requestColumns(parsed)).toEqual(fields);
    expect(requestColumns(parsed).amountAtStakeFen).toBe(128_000_050n);
  });

  it("stores an unanswered preference as null", () => {
    const parsed = fileRequestApiSchema.parse({ ...filled, language: "", serviceMode: null, preferredExpertId: undefined });
    expect(requestColumns(parsed)).toMatchObject({ language: null, serviceMode: null, preferredExpertId: null });
  });
});
