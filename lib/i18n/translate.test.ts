import { describe, expect, it } from "vitest";
import { placeholderNames, pluralForms } from "./messages";
import { translator } from "./translate";

describe("the translator", () => {
  const en = translator("en");
  const zh = translator("zh-CN");

  it("fills placeholders and leaves unknown ones as they are", () => {
    expect(en("roster.directory.count", { count: 3 })).toBe("Experts found: 3");
    expect(en("roster.directory.count")).toBe("Experts found: {count}");
  });

  it("says one and many in English, and needs no plural in Chinese", () => {
    expect(en("common.pagination.summary", { page: 1, pages: 1, total: 1 })).toBe("Page 1 of 1 (1 item)");
    expect(en("common.pagination.summary", { page: 1, pages: 3, total: 42 })).toBe("Page 1 of 3 (42 items)");
    expect(en("common.pagination.summary", { page: 1, pages: 1, total: 0 })).toBe("Page 1 of 1 (0 items)");
    expect(en("reports.charts.stars", { n: 1 })).toBe("1 star");
    expect(en("disputes.bulk.confirmClose", { count: 1, status: "Closed" })).toMatch(/^Change the selected dispute to “Closed”/);
    expect(en("disputes.bulk.confirmClose", { count: 4, status: "Closed" })).toMatch(/^Change the 4 selected disputes to “Closed”/);
    expect(zh("common.pagination.summary", { page: 1, pages: 1, total: 1 })).not.toMatch(/plural|#/);
  });
});

describe("reading a message's names and plurals", () => {
  it("lists placeholders and counted names, not the words inside choices", () => {
    expect([...placeholderNames("Page {page} of {pages} ({total, plural, one {# item} other {# items}})")].sort()).toEqual([
      "page",
      "pages",
      "total",
    ]);
    expect([...placeholderNames("共 {total} 条")]).toEqual(["total"]);
  });

  it("lists each plural's forms", () => {
    expect(pluralForms("{n, plural, one {# star} other {# stars}}").map((p) => [p.name, [...p.choices.keys()]])).toEqual([["n", ["one", "other"]]]);
    expect(pluralForms("{n} 颗星")).toEqual([]);
  });
});
