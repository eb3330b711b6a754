import { describe, expect, it } from "vitest";
import { enums as enEnums } from "@/lib/i18n/en/enums";
import { enums as zhEnums } from "@/lib/i18n/zh-CN/enums";
import { kindMatcher, parsePastedDisputes } from "./paste-rows";
import { createDisputesFormSchema } from "./schemas";

const kindOf = kindMatcher([zhEnums.disputeKind, enEnums.disputeKind]);

describe("rows pasted from a spreadsheet", () => {
  it("splits cells on tabs (Excel, WPS), skips a header line and blank lines, and recognises kinds and credit codes", () => {
    const text = "相对方\t金额\t类型\r\n嘉兴甲贸易有限公司\t12,345.67\t合同\t91330421MA2B3C4D5E\r\n\r\n平湖乙商行\t800\n海宁丙公司\t5000\tRent\n";
    expect(parsePastedDisputes(text, kindOf)).toEqual([
      { counterpartyName: "嘉兴甲贸易有限公司", claimedYuan: "12,345.67", kind: "contract", counterpartyCreditCode: "91330421MA2B3C4D5E" },
      { counterpartyName: "平湖乙商行", claimedYuan: "800", kind: "receivable", counterpartyCreditCode: "" },
      { counterpartyName: "海宁丙公司", claimedYuan: "5000", kind: "rent", counterpartyCreditCode: "" },
    ]);
  });

  it("reads comma-separated lines, with quotes around an amount holding commas, and keeps an unknown kind for the table to question", () => {
    const text = '嘉兴甲贸易有限公司,"12,345.67",labor\n平湖乙商行，800，租赁费';
    expect(parsePastedDisputes(text, kindOf)).toEqual([
      { counterpartyName: "嘉兴甲贸易有限公司", claimedYuan: "12,345.67", kind: "labor", counterpartyCreditCode: "" },
      { counterpartyName: "平湖乙商行", claimedYuan: "800", kind: "租赁费", counterpartyCreditCode: "" },
    ]);
  });

  it("the table's schema names each wrong row and field, as the page shows them", () => {
    const requestId = "0b6c5c8e-6f1a-4d7a-9d55-3f2b1c0d9e8a";
    const rows = parsePastedDisputes("甲公司\t100\n乙公司\t12.345\n\t50\n丁公司\t1\t租赁费", kindOf);
    const parsed = createDisputesFormSchema.safeParse({ requestId, rows });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["rows.1.claimedYuan", "errors.field.amountDecimals"],
      ["rows.2.counterpartyName", "errors.field.required"],
      ["rows.3.kind", "disputes.errors.kindUnknown"],
    ]);
  });
});
