import { describe, expect, it } from "vitest";
import { checkCreditCode, creditCodeCheckCharacter, normalizeCreditCode } from "./credit-code";

// Real, published codes: Tencent (Shenzhen), Huawei, Alibaba (China), Xiaomi, and two Shanghai and Hangzhou companies.
const REAL_CODES = [
  "9144030071526726XG",
  "914403001922038216",
  "91330100799655058B",
  "91110108551385082Q",
  "91310000717866186P",
  "91330106673959654P",
];

describe("统一社会信用代码 check (GB 32100-2015)", () => {
  it.each(REAL_CODES)("accepts the real code %s", (code) => {
    expect(checkCreditCode(code)).toEqual({ ok: true, code });
  });

  it("normalises spaces, lower case and full-width characters", () => {
    expect(checkCreditCode("  9144030071526726xg ")).toEqual({ ok: true, code: "9144030071526726XG" });
    expect(checkCreditCode("９１４４０３００７１５２６７２６ＸＧ")).toEqual({ ok: true, code: "9144030071526726XG" });
    expect(normalizeCreditCode("9144 0300 7152 6726 xg")).toBe("9144030071526726XG");
  });

  it("rejects a wrong check character", () => {
    expect(checkCreditCode("9144030071526726XA")).toEqual({ ok: false, problem: "check_character" });
  });

  it.each(["I", "O", "S", "V", "Z"])("rejects the forbidden letter %s", (letter) => {
    expect(checkCreditCode(`914403007152672${letter}XG`)).toEqual({ ok: false, problem: "forbidden_letter" });
  });

  it("rejects the wrong length and other characters", () => {
    expect(checkCreditCode("9111000010000396")).toEqual({ ok: false, problem: "length" });
    expect(checkCreditCode("91110000100003962T1")).toEqual({ ok: false, problem: "length" });
    expect(checkCreditCode("")).toEqual({ ok: false, problem: "length" });
    expect(checkCreditCode("91110000100003962#")).toEqual({ ok: false, problem: "invalid_character" });
  });

  it("computes a check character of 0 when the remainder is 0", () => {
    // Any body whose weighted sum is a multiple of 31 gets "0".
    expect(creditCodeCheckCharacter("00000000000000000")).toBe("0");
  });
});
