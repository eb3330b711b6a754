import { crc32 } from "node:zlib";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as downloadRoute } from "@/app/api/v1/attachments/[id]/route";
import { GET as listFilesRoute, POST as uploadRoute } from "@/app/api/v1/requests/[id]/attachments/route";
import { GET as listMessagesRoute, POST as postMessageRoute } from "@/app/api/v1/requests/[id]/messages/route";
import { db } from "@/db";
import { notifications } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { MAX_ATTACHMENT_BYTES, sniffAttachmentType } from "./attachment-type";
import { fileAs, moveTo } from "@/test/request-fixtures";

useTestDatabase();

// Real file signatures, built here so the tests need no binary fixtures.
const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
]);
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
const HTML = new TextEncoder().encode("<!doctype html><html><script>alert(1)</script></html>");
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0, ...new Array(64).fill(0)]);

/** An old-style (MS-CFB) document whose directory names the given stream. */
function cfb(stream: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  bytes.set(Buffer.from(stream, "utf16le"), 1024);
  return bytes;
}

/** A minimal stored (uncompressed) ZIP, enough to be an Office Open XML package. */
function zip(files: Record<string, string>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const DOCX = zip({
  "[Content_Types].xml":
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  "word/document.xml": "<w:document/>",
});

async function xlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("对账单").addRow(["发票号", "金额"]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("sniffing attachment types by content", () => {
  it("accepts PDF, images, Word and Excel, old and new", async () => {
    expect((await sniffAttachmentType(PDF))?.mime).toBe("application/pdf");
    expect((await sniffAttachmentType(PNG))?.mime).toBe("image/png");
    expect((await sniffAttachmentType(JPEG))?.mime).toBe("image/jpeg");
    expect((await sniffAttachmentType(DOCX))?.mime).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect((await sniffAttachmentType(await xlsx()))?.mime).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect((await sniffAttachmentType(cfb("WordDocument")))?.mime).toBe("application/msword");
    expect((await sniffAttachmentType(cfb("Workbook")))?.mime).toBe("application/vnd.ms-excel");
  });

  it("refuses HTML, programs, archives and unknown containers whatever they are called", async () => {
    expect(await sniffAttachmentType(HTML)).toBeNull();
    expect(await sniffAttachmentType(EXE)).toBeNull();
    expect(await sniffAttachmentType(zip({ "a.txt": "hello" }))).toBeNull();
    expect(await sniffAttachmentType(cfb("Something"))).toBeNull();
  });
});

describe("the case's messages and files", () => {
  let enterprise: Actor;
  let otherEnterprise: Actor;
  let expert: Actor;
  let offeredExpert: Actor;
  let admin: Actor;
  let outOfScopeAdmin: Actor;
  let requestId: string;
  const tokens = {} as Record<"enterprise" | "otherEnterprise" | "expert" | "offeredExpert" | "admin" | "outOfScopeAdmin", string>;

  beforeAll(async () => {
    enterprise = await createEnterpriseActor();
    otherEnterprise = await createEnterpriseActor();
    expert = await createExpertActor();
    offeredExpert = await createExpertActor();
    admin = await createAdminActor("330421");
    outOfScopeAdmin = await createAdminActor("320509");
    for (const [k, a] of Object.entries({ enterprise, otherEnterprise, expert, offeredExpert, admin, outOfScopeAdmin }))
      tokens[k as keyof typeof tokens] = await bearerFor(a);
    requestId = await fileAs(enterprise);
    await moveTo(requestId, "accepted", expert);
  });

  const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
  const auth = (who: keyof typeof tokens) => ({ authorization: `Bearer ${tokens[who]}` });
  const say = (who: keyof typeof tokens, body: string) =>
    postMessageRoute(
      new Request(`http://localhost/api/v1/requests/${requestId}/messages`, {
        method: "POST",
        body: JSON.stringify({ body }),
        headers: { ...auth(who), "content-type": "application/json" },
      }),
      ctx(requestId),
    );
  const upload = (who: keyof typeof tokens, bytes: Uint8Array, name: string, id = requestId) => {
    const form = new FormData();
    form.set("file", new File([Buffer.from(bytes)], name));
    return uploadRoute(
      new Request(`http://localhost/api/v1/requests/${id}/attachments`, { method: "POST", body: form, headers: auth(who) }),
      ctx(id),
    );
  };

  it("carries messages between the company, the expert and admins, and tells the others", async () => {
    expect((await say("enterprise", "合同和对账单已上传，请查收。")).status).toBe(201);
    expect((await say("expert", "收到，<b>周三</b>面谈。")).status).toBe(201);
    expect((await say("admin", "法学会已关注。")).status).toBe(201);
    const list = await listMessagesRoute(
      new Request(`http://localhost/api/v1/requests/${requestId}/messages`, { headers: auth("enterprise") }),
      ctx(requestId),
    );
    const messages = (await list.json()) as { body: string; authorRole: string }[];
    expect(messages.map((m) => [m.authorRole, m.body])).toEqual([
      ["enterprise", "合同和对账单已上传，请查收。"],
      ["expert", "收到，<b>周三</b>面谈。"],
      ["admin", "法学会已关注。"],
    ]);
    const kinds = async (a: Actor) =>
      (
        await db
          .select({ kind: notifications.kind })
          .from(notifications)
          .where(and(eq(notifications.userId, a.userId), eq(notifications.kind, "message.new")))
      ).length;
    expect(await kinds(enterprise)).toBe(2);
    expect(await kinds(expert)).toBe(2);
  });

  it("hides the conversation from everyone outside the case, including an expert who was only offered it", async () => {
    const other = await fileAs(enterprise);
    await moveTo(other, "offered", offeredExpert);
    for (const who of ["otherEnterprise", "offeredExpert", "outOfScopeAdmin"] as const) {
      expect((await say(who, "hi")).status, who).toBe(404);
      const list = await listMessagesRoute(
        new Request(`http://localhost/api/v1/requests/${requestId}/messages`, { headers: auth(who) }),
        ctx(requestId),
      );
      expect(list.status, who).toBe(404);
    }
    const offeredList = await listMessagesRoute(
      new Request(`http://localhost/api/v1/requests/${other}/messages`, { headers: auth("offeredExpert") }),
      ctx(other),
    );
    expect(offeredList.status).toBe(404);
  });

  it("stores files by their content, keeps Chinese names, and serves them only to the parties", async () => {
    const created = await upload("enterprise", PDF, "购销合同（2025）.pdf");
    expect(created.status).toBe(201);
    const file = (await created.json()) as { id: string; mimeType: string; filename: string; sizeBytes: number };
    expect(file).toMatchObject({ mimeType: "application/pdf", filename: "购销合同（2025）.pdf", sizeBytes: PDF.byteLength });
    expect((await upload("expert", await xlsx(), "对账单.xlsx")).status).toBe(201);
    // A screenshot named ".pdf" is stored as what it is: the type and the extension follow the content, not the name.
    const renamed = (await (await upload("admin", PNG, "截图.pdf")).json()) as { mimeType: string; filename: string };
    expect(renamed).toMatchObject({ mimeType: "image/png", filename: "截图.png" });

    const listed = (await (
      await listFilesRoute(new Request(`http://localhost/api/v1/requests/${requestId}/attachments`, { headers: auth("expert") }), ctx(requestId))
    ).json()) as { filename: string; uploadedByRole: string }[];
    expect(listed.map((f) => [f.filename, f.uploadedByRole])).toEqual([
      ["购销合同（2025）.pdf", "enterprise"],
      ["对账单.xlsx", "expert"],
      ["截图.png", "admin"],
    ]);

    const download = await downloadRoute(
      new Request(`http://localhost/api/v1/attachments/${file.id}`, { headers: auth("enterprise") }),
      ctx(file.id),
    );
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    const disposition = download.headers.get("content-disposition") ?? "";
    expect(disposition).toBe(`attachment; filename="_____2025_.pdf"; filename*=UTF-8''${encodeURIComponent("购销合同（2025）.pdf")}`);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe("购销合同（2025）.pdf");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);

    for (const who of ["otherEnterprise", "offeredExpert", "outOfScopeAdmin"] as const) {
      const denied = await downloadRoute(new Request(`http://localhost/api/v1/attachments/${file.id}`, { headers: auth(who) }), ctx(file.id));
      expect(denied.status, who).toBe(404);
      expect((await upload(who, PDF, "x.pdf")).status, who).toBe(404);
    }
  });

  it("refuses other types with a field message (422) and files over 10 MB (413)", async () => {
    const html = await upload("enterprise", HTML, "发票.pdf");
    expect(html.status).toBe(422);
    expect(((await html.json()) as { error: { fields: Record<string, string> } }).error.fields.file).toMatch(/PDF/);
    expect((await upload("enterprise", EXE, "报价.xlsx")).status).toBe(422);
    expect((await upload("enterprise", new Uint8Array(0), "empty.pdf")).status).toBe(422);
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(PDF);
    expect((await upload("enterprise", big, "big.pdf")).status).toBe(413);
    const declared = await uploadRoute(
      new Request(`http://localhost/api/v1/requests/${requestId}/attachments`, {
        method: "POST",
        body: "x",
        headers: { ...auth("enterprise"), "content-type": "multipart/form-data; boundary=x", "content-length": String(50 * 1024 * 1024) },
      }),
      ctx(requestId),
    );
    expect(declared.status).toBe(413);
  });
});
