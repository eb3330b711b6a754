import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readImportFile } from "./read-file";

/** A minimal zip (deflate, no checksums: only the sizes matter here), declaring `declared` sizes when given. */
function zip(entries: Record<string, Buffer>, declared?: number): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const packed = deflateRawSync(content);
    const fileName = Buffer.from(name);
    const size = declared ?? content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, fileName, packed);
    central.push(entry, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("an import file is judged by what it unpacks to, before it is loaded", () => {
  it("refuses a small .xlsx that unpacks past the limit, even when it declares small sizes", async () => {
    const sheet = Buffer.alloc(40 * 1024 * 1024, " ");
    for (const declared of [undefined, 100]) {
      const bytes = zip({ "xl/worksheets/sheet1.xml": sheet }, declared);
      expect(bytes.byteLength).toBeLessThan(200 * 1024);
      const error = await refusal(readImportFile("roster.xlsx", bytes));
      expect(error.status).toBe(413);
      expect(error.options.fields).toEqual({ file: "roster.import.errors.tooMuchContent" });
    }
  });

  it("refuses a sheet of more cells than any roster has, though it has few rows", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("名册");
    for (let r = 0; r < 1000; r++) sheet.addRow(Array.from({ length: 130 }, (_, c) => c));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const error = await refusal(readImportFile("roster.xlsx", bytes));
    expect(error.options.fields).toEqual({ file: "roster.import.errors.tooMuchContent" });
  });

  it("refuses a CSV of more cells than allowed as it parses, not after", async () => {
    const line = `${Array.from({ length: 200 }, () => "x").join(",")}\n`;
    const error = await refusal(readImportFile("roster.csv", new TextEncoder().encode(line.repeat(1000))));
    expect(error.options.fields).toEqual({ file: "roster.import.errors.tooMuchContent" });
  });

  it("still reads an ordinary workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("名册");
    sheet.addRow(["姓名", "执业证号"]);
    sheet.addRow(["张三", "13304202010123456"]);
    const table = await readImportFile("roster.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(table).toMatchObject({ format: "xlsx", headers: ["姓名", "执业证号"], rows: [{ line: 2, cells: ["张三", "13304202010123456"] }] });
  });
});
