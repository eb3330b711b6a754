import { describe, expect, it } from "vitest";
import { requestColumns } from "@/lib/requests/request-details";
import { amendRequestFormSchema } from "@/lib/requests/schemas";
import { draftFromRequest, draftPayload, emptyDraft, filingInput, type FiledRequestFields } from "./draft";

// A real, valid 统一社会信用代码 (Alibaba's), as a company would type it.
const creditCode = "91330100799655058B";

// Amending starts from the request as filed: sent back unchanged, the draft must amend nothing.

const filed: FiledRequestFields = {
  id: "6a4b0c1e-2f3d-4e5f-8a9b-0c1d2e3f4a5b",
  category: "debt_collection",
  title: "货款未付",
  description: "对方至今未付款。",
  amountAtStakeFen: 128_000_050n,
  urgency: "urgent",
  regionCode: "330421002",
  language: "wu",
  serviceMode: "onsite",
  preferredExpertId: "0b6f3f7e-6c1a-4c55-9d6e-2f1d3c4b5a69",
  counterparties: [
    { name: "嘉兴某贸易有限公司", creditCode },
    { name: "上海某科技有限公司", creditCode: null },
  ],
  specialties: [{ code: "debt_collection" }, { code: "contract" }],
};

const resent = (request: FiledRequestFields) =>
  amendRequestFormSchema.parse({ ...filingInput(draftFromRequest(request), false), requestId: request.id, note: "" });

describe("the draft of an amendment", () => {
  it("sends back every field as filed", () => {
    const parsed = resent(filed);
    expect(requestColumns(parsed)).toEqual({
      title: filed.title,
      category: filed.category,
      description: filed.description,
      urgency: filed.urgency,
      regionCode: filed.regionCode,
      language: filed.language,
      serviceMode: filed.serviceMode,
      amountAtStakeFen: filed.amountAtStakeFen,
      preferredExpertId: filed.preferredExpertId,
    });
    expect(parsed.specialties).toEqual(["debt_collection", "contract"]);
    expect(parsed.counterparties).toEqual([
      { name: "嘉兴某贸易有限公司", creditCode },
      { name: "上海某科技有限公司", creditCode: undefined },
    ]);
  });

  it("keeps what was left open open", () => {
    const open = { ...filed, amountAtStakeFen: 0n, language: null, serviceMode: null, preferredExpertId: null, counterparties: [], specialties: [] };
    const draft = draftFromRequest(open);
    expect(draft).toMatchObject({
      amountYuan: "",
      language: "",
      serviceMode: "",
      preferredExpertId: "",
      counterparties: [{ name: "", creditCode: "" }],
    });
    expect(requestColumns(resent(open))).toMatchObject({ amountAtStakeFen: 0n, language: null, serviceMode: null, preferredExpertId: null });
  });
});

describe("the action's input from a draft", () => {
  it("is the draft's payload once the choices are made", () => {
    const draft = draftFromRequest(filed);
    expect(filingInput(draft, false)).toEqual(draftPayload(draft, false));
    expect(filingInput({ ...draft, language: "" }, false)).toMatchObject({ category: filed.category, language: undefined });
  });

  it("is not there while the category is unchosen or the language is unknown", () => {
    expect(filingInput(emptyDraft(), false)).toBeNull();
    expect(filingInput({ ...draftFromRequest(filed), language: "xx" }, false)).toBeNull();
  });
});
