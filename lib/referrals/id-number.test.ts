import { describe, expect, it } from "vitest";
import { optionalIdNumberField } from "@/lib/requests/schemas";
import { idNumberCheckCharacter, idNumberProblem, maskIdNumber, normalizeIdNumber } from "./id-number";

// 11010519491231002X: the example number of GB 11643-1999 itself.
const valid = "11010519491231002X";

describe("a resident ID number (GB 11643)", () => {
  it("computes the check character of the standard's example", () => {
    expect(idNumberCheckCharacter(valid.slice(0, 17))).toBe("X");
    expect(idNumberProblem(valid)).toBeNull();
  });

  it("says a wrong check digit apart from a malformed number", () => {
    expect(idNumberProblem("110105194912310021")).toBe("checkDigit");
    expect(idNumberProblem("1101051949123100")).toBe("format");
    expect(idNumberProblem("11010519491331002X")).toBe("format");
    expect(idNumberProblem("A1010519491231002X")).toBe("format");
  });

  it("normalises spaces, case and full-width characters, and masks all but the first 6 and last 4", () => {
    expect(normalizeIdNumber(" 110105 19491231 002x ")).toBe(valid);
    expect(normalizeIdNumber("１１０１０５１９４９１２３１００２ｘ")).toBe(valid);
    expect(maskIdNumber(valid)).toBe("110105********002X");
  });

  it("parses as optional: blank is absent, a wrong check digit has its own message", () => {
    expect(optionalIdNumberField.parse("")).toBeUndefined();
    expect(optionalIdNumberField.parse("110105 19491231002x")).toBe(valid);
    const result = optionalIdNumberField.safeParse("110105194912310021");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("referrals.errors.idNumberCheckDigit");
  });
});
