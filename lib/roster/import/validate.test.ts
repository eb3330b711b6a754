import { describe, expect, it } from "vitest";
import { mapHeaders, splitList } from "./columns";
import type { ImportTable } from "./read-file";
import { foldValue, validateImportRows, type ImportReference } from "./validate";

const reference: ImportReference = {
  specialtyByAlias: new Map([
    ["debt_collection", "debt_collection"],
    ["债权清收", "debt_collection"],
    ["debt collection", "debt_collection"],
    ["contract", "contract"],
    ["合同纠纷", "contract"],
  ]),
  regionByAlias: new Map<string, string | null>([
    ["330421", "330421"],
    ["嘉善县", "330421"],
    ["310118", "310118"],
    ["青浦区", "310118"],
    ["鼓楼区", null],
  ]),
  licencesOnRoster: new Set(["13304202010000000"]),
  emailsTaken: new Set(["taken@example.com"]),
};

const headers = ["姓名", "执业证号", "电子邮箱", "执业机构", "常驻地区", "服务地区", "专业领域", "工作语言", "服务方式", "聘期开始", "聘期结束"];
const table = (...rows: string[][]): ImportTable => ({ format: "csv", headers, rows: rows.map((cells, i) => ({ line: i + 2, cells })) });
const row = (overrides: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = {
    姓名: "张三",
    执业证号: "13304202012345678",
    电子邮箱: "zhang@example.com",
    执业机构: "某律所",
    常驻地区: "嘉善县",
    服务地区: "嘉善县、青浦区",
    专业领域: "债权清收，合同纠纷",
    工作语言: "普通话、吴语",
    服务方式: "坐诊; online",
    聘期开始: "2026/1/5",
    聘期结束: "",
    ...overrides,
  };
  return headers.map((h) => base[h] ?? "");
};
const problems = (cells: string[]) => validateImportRows(table(cells), reference, "2026-06-01")[0]!.problems.map((p) => p.key);

describe("import file columns", () => {
  it("recognises Chinese and English headers, ignoring spaces, case and required-marks", () => {
    expect(mapHeaders(["姓名*", "Licence Number", "E-mail", "备注", "姓名"])).toEqual(["name", "licenseNumber", "email", null, null]);
  });

  it("splits list cells on the separators people type", () => {
    expect(splitList("债权清收、合同纠纷,劳动用工；ip / lease")).toEqual(["债权清收", "合同纠纷", "劳动用工", "ip", "lease"]);
    expect(foldValue("  Debt  Collection ")).toBe("debt collection");
  });
});

describe("import row validation", () => {
  it("turns a good row into an expert with defaults and a three-year term", () => {
    const [result] = validateImportRows(table(row()), reference, "2026-06-01");
    expect(result!.problems).toEqual([]);
    expect(result!.input).toMatchObject({
      licenseNumber: "13304202012345678",
      homeRegionCode: "330421",
      regions: ["330421", "310118"],
      specialties: ["debt_collection", "contract"],
      languages: ["zh", "wu"],
      serviceModes: ["onsite", "online"],
      capacity: 5,
      yearsOfPractice: 0,
      termStart: "2026-01-05",
      termEnd: "2029-01-05",
    });
  });

  it("counts a row on the roster already as present, not as a problem, whatever else it says", () => {
    const [checked] = validateImportRows(table(row({ 执业证号: "13304202010000000", 电子邮箱: "TAKEN@example.com" })), reference, "2026-06-01");
    expect(checked).toMatchObject({ present: true, problems: [], input: null });
  });

  it("names every problem of a bad row", () => {
    expect(problems(row({ 执业证号: "1330420201234567" }))).toEqual(["roster.errors.licenceDigits"]);
    expect(problems(row({ 执业证号: "" }))).toEqual(["roster.import.row.required"]);
    expect(problems(row({ 电子邮箱: "TAKEN@example.com" }))).toEqual(["roster.import.row.emailTaken"]);
    expect(problems(row({ 专业领域: "炼金术", 服务地区: "鼓楼区" }))).toEqual([
      "roster.import.row.unknownSpecialty",
      "roster.import.row.ambiguousRegion",
    ]);
    expect(problems(row({ 工作语言: "火星语", 服务方式: "飞行" }))).toEqual(["roster.import.row.unknownLanguage", "roster.import.row.unknownMode"]);
    expect(problems(row({ 聘期开始: "2026-02-30" }))).toEqual(["errors.field.date"]);
    expect(problems(row({ 聘期结束: "2025-01-01" }))).toEqual(["roster.import.row.termOrder"]);
  });

  it("rejects the second row with a licence number or e-mail already used higher up the file", () => {
    const rows = validateImportRows(
      table(row(), row({ 电子邮箱: "other@example.com" }), row({ 执业证号: "13304202099999999" })),
      reference,
      "2026-06-01",
    );
    expect(rows.map((r) => r.problems.map((p) => [p.key, p.params?.line]))).toEqual([
      [],
      [["roster.import.row.duplicateLicence", 2]],
      [["roster.import.row.duplicateEmail", 2]],
    ]);
  });

  it("refuses a file without the required columns", () => {
    expect(() =>
      validateImportRows({ format: "csv", headers: ["姓名", "电话"], rows: [{ line: 2, cells: ["张三", "1"] }] }, reference, "2026-06-01"),
    ).toThrow(expect.objectContaining({ code: "invalid_input", messageKey: "roster.import.errors.missingColumns" }));
  });
});
