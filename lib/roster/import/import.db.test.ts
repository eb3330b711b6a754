import ExcelJS from "exceljs";
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postImport } from "@/app/api/v1/experts/import/route";
import { POST as postPreview } from "@/app/api/v1/experts/import/preview/route";
import { POST as postRejected } from "@/app/api/v1/experts/import/rejected/route";
import { db } from "@/db";
import { appointments, events, experts, expertRegions, expertSpecialties, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { todayInShanghai } from "@/lib/clock";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createExpertActor } from "@/test/fixtures";
import { searchDirectory } from "../queries/experts";
import { directoryQuerySchema } from "../schemas";
import { termEndFor } from "../term";

useTestDatabase();

let adminToken: string;
let expertToken: string;
let onRosterLicence: string;

beforeAll(async () => {
  adminToken = await bearerFor(await createAdminActor());
  const expert = await createExpertActor();
  expertToken = await bearerFor(expert);
  // Written in lower case, as an older record might be: the comparison folds case.
  onRosterLicence = `tj-${stamp}-0042`;
  await db.update(experts).set({ licenseNumber: onRosterLicence }).where(eq(experts.id, expert.expertId!));
});

type Handler = (request: Request) => Promise<Response>;
function upload(handler: Handler, name: string, content: BlobPart, options: { token?: string; locale?: string } = {}) {
  const form = new FormData();
  form.append("file", new File([content], name));
  const headers: Record<string, string> = { authorization: `Bearer ${options.token ?? adminToken}` };
  if (options.locale) headers["accept-language"] = options.locale;
  return handler(new Request("http://localhost/api/v1/experts/import", { method: "POST", body: form, headers }));
}

interface Preview {
  total: number;
  valid: number;
  present: number;
  invalid: number;
  rows: { line: number; name: string; ok: boolean; present: boolean; problems: string[] }[];
}

const header =
  "姓名,执业证号,电子邮箱,手机号码,职务/职称,执业机构,常驻地区,服务地区,专业领域,工作语言,服务方式,执业年限,接案上限,个人简介,聘期开始,聘期结束";
const stamp = String(Date.now()).slice(-6);
const lic = (i: number) => `1330421${stamp}${String(i).padStart(4, "0")}`;
const csvRows = () => [
  `导入甲,${lic(1)},import-a-${stamp}@test.example,13900000001,律师,浙江嘉善导入律师事务所,嘉善县,嘉善县、青浦区,债权清收、合同纠纷,普通话、吴语,坐诊、线上,12,6,擅长催收。,2026-01-01,2029-01-01`,
  `导入乙,${lic(2)},import-b-${stamp}@test.example,,调解员,嘉善县人民调解委员会,330421,330421102,mediation,,visit,20,,,,`,
  `坏证号,12345,import-c-${stamp}@test.example,,律师,某律所,嘉善县,嘉善县,债权清收,,,5,,,,`,
  `未知专业,${lic(4)},import-d-${stamp}@test.example,,律师,某律所,嘉善县,火星,炼金术,,,5,,,,`,
  `重复证号,${lic(1)},import-e-${stamp}@test.example,,律师,某律所,嘉善县,嘉善县,债权清收,,,5,,,,`,
  `已在库中,${onRosterLicence},import-f-${stamp}@test.example,,律师,某律所,嘉善县,嘉善县,债权清收,,,5,,,,`,
];

describe("bulk import of the roster", () => {
  it("previews every row with its problems and writes nothing", async () => {
    const before = (await db.select({ id: experts.id }).from(experts)).length;
    const response = await upload(postPreview, "名册.csv", [header, ...csvRows()].join("\r\n"));
    expect(response.status).toBe(200);
    const preview = (await response.json()) as Preview;
    expect(preview).toMatchObject({ total: 6, valid: 2, present: 1, invalid: 3 });
    const problems = Object.fromEntries(preview.rows.map((r) => [r.name, r.problems.join(" | ")]));
    expect(problems["导入甲"]).toBe("");
    expect(problems["坏证号"]).toContain("6–30 位");
    expect(problems["未知专业"]).toContain("未知的专业领域：炼金术");
    expect(problems["未知专业"]).toContain("未知的地区：火星");
    expect(problems["重复证号"]).toContain("与第 2 行执业证号重复");
    expect(problems["已在库中"]).toBe("");
    expect(preview.rows.find((r) => r.name === "已在库中")).toMatchObject({ ok: true, present: true });
    expect((await db.select({ id: experts.id }).from(experts)).length).toBe(before);
  });

  it("imports the valid rows as appointed experts, and re-importing the file creates nothing", async () => {
    const file = [header, ...csvRows()].join("\n");
    const response = await upload(postImport, "名册.csv", file);
    expect(response.status).toBe(200);
    const result = (await response.json()) as { imported: number; present: number; rejected: number; rows: Preview["rows"] };
    expect(result).toMatchObject({ imported: 2, present: 1, rejected: 3 });
    expect(result.rows.map((r) => r.line)).toEqual([4, 5, 6]);

    const imported = await db
      .select()
      .from(experts)
      .where(inArray(experts.licenseNumber, [lic(1), lic(2)]));
    expect(imported).toHaveLength(2);
    const first = imported.find((e) => e.licenseNumber === lic(1))!;
    expect(first).toMatchObject({
      status: "active",
      termStart: "2026-01-01",
      termEnd: "2029-01-01",
      capacity: 6,
      languages: ["zh", "wu"],
      serviceModes: ["onsite", "online"],
      homeRegionCode: "330421",
    });
    const second = imported.find((e) => e.licenseNumber === lic(2))!;
    const today = todayInShanghai();
    expect(second).toMatchObject({ termStart: today, termEnd: termEndFor(today, 3), capacity: 5, languages: ["zh"], yearsOfPractice: 20 });
    expect((await db.select().from(expertSpecialties).where(eq(expertSpecialties.expertId, first.id))).map((s) => s.specialtyCode).sort()).toEqual([
      "contract",
      "debt_collection",
    ]);
    expect((await db.select().from(expertRegions).where(eq(expertRegions.expertId, second.id))).map((r) => r.regionCode)).toEqual(["330421102"]);
    expect(await db.select().from(appointments).where(eq(appointments.expertId, first.id))).toHaveLength(1);
    expect((await db.select().from(events).where(eq(events.entityId, first.id))).map((e) => e.type)).toEqual(["expert.imported"]);
    // No password until the expert sets one: nothing signs in with an imported account.
    const [account] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, first.userId));
    expect(await verifyPassword(account!.passwordHash, "")).toBe(false);
    // In the directory straight away (term current).
    const found = await searchDirectory(directoryQuerySchema.parse({ q: "导入乙" }));
    expect(found.items.map((i) => i.id)).toEqual([second.id]);

    // The same file again: its experts are reported as present, and only the bad rows as problems.
    const again = (await (await upload(postImport, "名册.csv", file)).json()) as { imported: number; present: number; rejected: number };
    expect(again).toMatchObject({ imported: 0, present: 4, rejected: 2 });
    expect(
      await db
        .select()
        .from(experts)
        .where(inArray(experts.licenseNumber, [lic(1), lic(2)])),
    ).toHaveLength(2);
  });

  it("importing a clean file twice: the second time every row is already present, none is a problem", async () => {
    const file = [
      header,
      `再导甲,${lic(31)},import-r1-${stamp}@test.example,,律师,某律所,嘉善县,嘉善县,债权清收,,,5,,,,`,
      `再导乙,${lic(32)},import-r2-${stamp}@test.example,,律师,某律所,嘉善县,嘉善县,合同纠纷,,,5,,,,`,
    ].join("\n");
    expect(await (await upload(postImport, "名册.csv", file)).json()).toMatchObject({ imported: 2, present: 0, rejected: 0 });
    const preview = (await (await upload(postPreview, "名册.csv", file)).json()) as Preview;
    expect(preview).toMatchObject({ total: 2, valid: 0, present: 2, invalid: 0 });
    expect(await (await upload(postImport, "名册.csv", file)).json()).toMatchObject({ imported: 0, present: 2, rejected: 0, rows: [] });
  });

  it("reads .xlsx with dates as dates and English headers, and offers the rejected rows back as a file", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("roster");
    sheet.addRow(["Name", "Licence number", "E-mail", "Organisation", "Home region", "Regions served", "Specialties", "Term start"]);
    sheet.addRow([
      "Xlsx One",
      lic(10),
      `xlsx-1-${stamp}@test.example`,
      "Example Firm",
      "Jiashan County",
      "330421",
      "Debt collection",
      new Date(Date.UTC(2026, 0, 5)),
    ]);
    sheet.addRow(["Xlsx Bad", "ABC", `not-an-email`, "Example Firm", "330421", "330421", "Alchemy", "2026-13-40"]);
    const bytes = await workbook.xlsx.writeBuffer();
    const preview = (await (await upload(postPreview, "roster.xlsx", bytes as ArrayBuffer, { locale: "en" })).json()) as Preview;
    expect(preview).toMatchObject({ total: 2, valid: 1, invalid: 1 });
    expect(preview.rows[1]!.problems).toEqual(
      expect.arrayContaining(["Unknown specialty: Alchemy", "Enter a valid e-mail address.", expect.stringContaining("6–30")]),
    );
    const rejected = await upload(postRejected, "roster.xlsx", bytes as ArrayBuffer);
    expect(rejected.headers.get("content-type")).toContain("spreadsheetml");
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await rejected.arrayBuffer());
    const rows = back.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows).toHaveLength(2);
    expect(String(rows[1]![1])).toBe("Xlsx Bad");
    expect(String(rows[1]![10])).toContain("未知的专业领域：Alchemy");
    await upload(postImport, "roster.xlsx", bytes as ArrayBuffer);
    const [row] = await db
      .select({ termStart: experts.termStart })
      .from(experts)
      .where(eq(experts.licenseNumber, lic(10)));
    expect(row?.termStart).toBe("2026-01-05");
  });

  it("reads a CSV saved in GB18030 by Chinese Excel", async () => {
    const text = `${header}\n导入丙,${lic(20)},import-gbk-${stamp}@test.example,,律师,嘉善某律所,嘉善县,嘉善县,合同纠纷,,,3,,,,`;
    const encoded = encodeGb18030(text);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(encoded)).toThrow();
    const preview = (await (await upload(postPreview, "gbk.csv", encoded as BlobPart)).json()) as Preview;
    expect(preview.rows[0]).toMatchObject({ name: "导入丙", ok: true });
  });

  it("answers a malformed, empty, foreign or oversized file with a message, never a crash", async () => {
    const status = async (name: string, content: BlobPart) => {
      const response = await upload(postPreview, name, content);
      return { status: response.status, body: (await response.json()) as { error: { message: string } } };
    };
    const corrupt = await status("roster.xlsx", "PK\u0003\u0004 this is not a zip");
    expect(corrupt.status).toBe(422);
    expect(corrupt.body.error.message).toContain("无法读取");
    expect((await status("roster.xlsx", "name,licence\n")).status).toBe(422);
    expect((await status("roster.csv", "")).status).toBe(400);
    expect((await status("roster.csv", `${header}\n`)).body.error.message).toContain("没有数据行");
    expect((await status("roster.pdf", "%PDF-1.4")).body.error.message).toContain(".xlsx");
    const missing = await status("roster.csv", "姓名,执业证号\n张三,13304202012345678");
    expect(missing.body.error.message).toContain("电子邮箱");
    expect((await status("big.csv", "x".repeat(2 * 1024 * 1024 + 10))).status).toBe(413);
  });

  it("imports for an admin of one district only the experts whose home region is in it, naming the others' reason", async () => {
    const qingpuToken = await bearerFor(await createAdminActor("310118"));
    const rows = [
      `青浦甲,${lic(21)},import-qp-${stamp}@test.example,,律师,上海青浦律师事务所,青浦区,青浦区,债权清收,,,8,,,,`,
      `嘉善乙,${lic(22)},import-js-${stamp}@test.example,,律师,浙江嘉善律师事务所,330421102,嘉善县,债权清收,,,8,,,,`,
    ];
    const preview = (await (await upload(postPreview, "名册.csv", [header, ...rows].join("\n"), { token: qingpuToken })).json()) as Preview;
    expect(preview).toMatchObject({ total: 2, valid: 1, invalid: 1 });
    expect(preview.rows[1]!.problems).toEqual(["常驻地区“330421102”不在您管辖的区县，应由该专家所属区县的管理员导入"]);

    const response = await upload(postImport, "名册.csv", [header, ...rows].join("\n"), { token: qingpuToken, locale: "en" });
    const result = (await response.json()) as { imported: number; rejected: number; rows: Preview["rows"] };
    expect(result).toMatchObject({ imported: 1, rejected: 1 });
    expect(result.rows[0]!.problems[0]).toContain("outside your district");
    const written = await db
      .select({ licenseNumber: experts.licenseNumber })
      .from(experts)
      .where(inArray(experts.licenseNumber, [lic(21), lic(22)]));
    expect(written.map((e) => e.licenseNumber)).toEqual([lic(21)]);
  });

  it("is for admins only", async () => {
    const response = await upload(postPreview, "名册.csv", [header, ...csvRows()].join("\n"), { token: expertToken });
    expect(response.status).toBe(403);
  });
});

/** A minimal GB18030 encoder for the test text (CJK and ASCII), via the decoder's table. */
function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, number[]>();
  const needed = new Set([...text].filter((c) => c.charCodeAt(0) > 0x7f));
  for (let hi = 0x81; hi <= 0xfe && table.size < needed.size; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([hi, lo]));
      if (needed.has(char) && !table.has(char)) table.set(char, [hi, lo]);
    }
  }
  return new Uint8Array([...text].flatMap((c) => (c.charCodeAt(0) <= 0x7f ? [c.charCodeAt(0)] : table.get(c)!)));
}
