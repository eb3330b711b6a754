import { describe, expect, it } from "vitest";
import { escapeLike, normalizeSearchText, searchTerms, withSynonyms } from "./search-text";
import { licenceProblem, normalizeLicenceNumber } from "./licence";

describe("directory search text", () => {
  it("folds full-width letters, digits and spaces and lower-cases Latin", () => {
    expect(normalizeSearchText("  ＺＨＡＮＧ　律师 ")).toBe("zhang 律师");
    expect(normalizeSearchText("嘉善１２３")).toBe("嘉善123");
  });

  it("splits a query into terms on spaces and list punctuation, without duplicates", () => {
    expect(searchTerms("嘉善  催收")).toEqual(["嘉善", "催收"]);
    expect(searchTerms("嘉善，合同、嘉善")).toEqual(["嘉善", "合同"]);
    expect(searchTerms("   ")).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
    expect(searchTerms("a b c d e f g")).toHaveLength(5);
  });

  it("keeps Chinese words whole so a partial name matches as a substring", () => {
    expect(searchTerms("沈文")).toEqual(["沈文"]);
  });

  it("escapes LIKE wildcards so they match themselves", () => {
    expect(escapeLike("100%_done\\")).toBe("100\\%\\_done\\\\");
  });

  it("expands a term to the words that mean the same to a searcher", () => {
    expect(withSynonyms("催收")).toEqual(expect.arrayContaining(["催收", "清收", "追讨"]));
    expect(withSynonyms("嘉善")).toEqual(["嘉善"]);
  });
});

describe("licence numbers", () => {
  it("folds licence numbers and says what is wrong with a bad one", () => {
    expect(normalizeLicenceNumber(" １３３０４２０ 2010000000 ")).toBe("13304202010000000");
    expect(licenceProblem("13304202010000000")).toBeNull();
    expect(licenceProblem("1330420201000000")).toBe("digits");
    expect(licenceProblem("TJ-2019-0042")).toBeNull();
    expect(licenceProblem("执业证123456")).toBe("format");
    expect(licenceProblem("12AB")).toBe("format");
  });
});
