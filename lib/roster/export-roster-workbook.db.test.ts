import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/experts/export/route";
import { db } from "@/db";
import { experts } from "@/db/schema";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createExpertActor } from "@/test/fixtures";

useTestDatabase();

async function workbookOf(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
  return { name: sheet.name, rows };
}

describe("the roster export", () => {
  it("gives admins the filtered roster as Excel, with the private contact fields, in their language", async () => {
    const token = await bearerFor(await createAdminActor());
    const kept = await createExpertActor({ name: "导出甲", specialties: ["ip"], serviceModes: ["online"] });
    await createExpertActor({ name: "导出乙", status: "suspended" });
    const [row] = await db.select({ licenseNumber: experts.licenseNumber }).from(experts).where(eq(experts.id, kept.expertId!));

    const response = await GET(
      new Request("http://localhost/api/v1/experts/export?status=active&specialty=ip", { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="roster-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const { name, rows } = await workbookOf(response);
    expect(name).toBe("专家名册");
    expect(rows[0]!.slice(0, 4)).toEqual(["姓名", "职务/职称", "执业机构", "执业证号"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["导出甲"]);
    expect(rows[1]).toEqual(expect.arrayContaining([row!.licenseNumber, "在聘", "知识产权", "线上"]));

    const english = await GET(
      new Request("http://localhost/api/v1/experts/export?q=%E5%AF%BC%E5%87%BA", {
        headers: { authorization: `Bearer ${token}`, "accept-language": "en" },
      }),
    );
    const { rows: all } = await workbookOf(english);
    expect(all[0]![0]).toBe("Name");
    expect(
      all
        .slice(1)
        .map((r) => r[6])
        .sort(),
    ).toEqual(["Appointed", "Suspended"]);
  });

  it("gives an admin of one district the whole zone's roster, each expert with their district", async () => {
    const token = await bearerFor(await createAdminActor("310118"));
    await createExpertActor({ name: "区县甲", homeRegionCode: "330421102" });
    await createExpertActor({ name: "区县乙", homeRegionCode: "310118" });
    const response = await GET(
      new Request("http://localhost/api/v1/experts/export?q=%E5%8C%BA%E5%8E%BF", { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(response.status).toBe(200);
    const { rows } = await workbookOf(response);
    const district = rows[0]!.indexOf("所属区县");
    expect(district).toBeGreaterThan(0);
    expect(Object.fromEntries(rows.slice(1).map((r) => [r[0], r[district]]))).toEqual({ 区县甲: "嘉善县", 区县乙: "青浦区" });

    const onlyQingpu = await GET(
      new Request("http://localhost/api/v1/experts/export?q=%E5%8C%BA%E5%8E%BF&district=310118", { headers: { authorization: `Bearer ${token}` } }),
    );
    expect((await workbookOf(onlyQingpu)).rows.slice(1).map((r) => r[0])).toEqual(["区县乙"]);
  });
});
