import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { applicationDocuments, events, experts } from "@/db/schema";
import { GET as downloadRoute } from "@/app/api/v1/expert-applications/[id]/documents/[documentId]/route";
import { GET as listRoute, POST as uploadRoute } from "@/app/api/v1/expert-applications/[id]/documents/route";
import { loadActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/authz";
import { applicant } from "@/test/access/sample-inputs";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { applyToJoin } from "./apply-to-join";
import { decideApplication } from "./decide-application";

useTestDatabase();

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0"),
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF\0\x01\x01\0\0\x01\0\x01\0\0"), Buffer.alloc(32)]);
const GIF = Buffer.from("GIF89a\x01\0\x01\0\x80\0\0\0\0\0\xff\xff\xff!\xf9\x04\x01\0\0\0\0,\0\0\0\0\x01\0\x01\0\0\x02\x02D\x01\0;", "latin1");
const HTML = Buffer.from("<!doctype html><script>alert(1)</script>");

type Caller = Actor | "anonymous";
const auth = async (caller: Caller): Promise<Record<string, string>> =>
  caller === "anonymous" ? {} : { authorization: `Bearer ${await bearerFor(caller)}` };

async function upload(caller: Caller, applicationId: string, filename: string, bytes: Buffer) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], filename));
  const response = await uploadRoute(
    new Request(`http://localhost/api/v1/expert-applications/${applicationId}/documents`, {
      method: "POST",
      body: form,
      headers: await auth(caller),
    }),
    { params: Promise.resolve({ id: applicationId }) },
  );
  return {
    status: response.status,
    body: (await response.json()) as { id: string; filename: string; mimeType: string; error?: { fields?: Record<string, string> } },
  };
}

async function download(caller: Caller, applicationId: string, documentId: string) {
  return downloadRoute(
    new Request(`http://localhost/api/v1/expert-applications/${applicationId}/documents/${documentId}`, { headers: await auth(caller) }),
    { params: Promise.resolve({ id: applicationId, documentId }) },
  );
}

async function list(caller: Caller, applicationId: string) {
  return listRoute(new Request(`http://localhost/api/v1/expert-applications/${applicationId}/documents`, { headers: await auth(caller) }), {
    params: Promise.resolve({ id: applicationId }),
  });
}

/** A fresh applicant of 嘉善县 with a pending application, signed in as themself. */
async function anApplication() {
  const { id, expertId } = await applyToJoin({ ...applicant(), bio: undefined, serviceModes: ["online"], languages: ["zh"], privacyConsent: true });
  const [row] = await db.select({ userId: experts.userId }).from(experts).where(eq(experts.id, expertId));
  return { id, expertId, applicant: (await loadActor(row!.userId))! };
}

let admin: Actor;
let otherDistrictAdmin: Actor;
let enterprise: Actor;
let anotherExpert: Actor;

beforeAll(async () => {
  admin = await createAdminActor("330421");
  otherDistrictAdmin = await createAdminActor("310118");
  enterprise = await createEnterpriseActor();
  anotherExpert = await createExpertActor();
});

describe("the applicant's licence evidence, judged by its content", () => {
  it("accepts a PDF, a JPEG and a PNG, whatever they are named, and names each by what it is", async () => {
    const { id, expertId, applicant: me } = await anApplication();
    const pdf = await upload(me, id, "执业证.pdf", PDF);
    expect(pdf).toMatchObject({ status: 201, body: { filename: "执业证.pdf", mimeType: "application/pdf" } });
    expect(await upload(me, id, "证书照片.jpg", JPEG)).toMatchObject({ status: 201, body: { mimeType: "image/jpeg" } });
    expect(await upload(me, id, "scan", PNG)).toMatchObject({ status: 201, body: { filename: "scan.png", mimeType: "image/png" } });
    const stored = await db
      .select({ filename: applicationDocuments.filename })
      .from(applicationDocuments)
      .where(eq(applicationDocuments.applicationId, id));
    expect(stored.map((d) => d.filename).sort()).toEqual(["scan.png", "执业证.pdf", "证书照片.jpg"]);
    const written = await db.select({ type: events.type, data: events.data }).from(events).where(eq(events.entityId, expertId));
    expect(written.filter((e) => e.type === "application.document_added")).toHaveLength(3);
  });

  it("refuses a page named .pdf, a GIF (a case may hold one, a licence scan may not) and an empty file, keeping nothing", async () => {
    const { id, applicant: me } = await anApplication();
    for (const [name, bytes] of [
      ["执业证.pdf", HTML],
      ["证书.gif", GIF],
    ] as const) {
      const refused = await upload(me, id, name, bytes);
      expect(refused.status).toBe(422);
      expect(refused.body.error?.fields?.file).toBe("只能上传 PDF、JPG 或 PNG 格式的执业证或证书扫描件。");
    }
    expect((await upload(me, id, "空.pdf", Buffer.alloc(0))).status).toBe(422);
    expect(await db.select().from(applicationDocuments).where(eq(applicationDocuments.applicationId, id))).toEqual([]);
  });

  it("takes no more once the application is decided", async () => {
    const { id, applicant: me } = await anApplication();
    await decideApplication(admin, id, { approve: false, reason: "执业证号与司法行政机关登记不符", termYears: 3 });
    expect((await upload(me, id, "执业证.pdf", PDF)).status).toBe(409);
  });
});

describe("who may add and open an application's evidence", () => {
  let application: Awaited<ReturnType<typeof anApplication>>;
  let documentId: string;
  beforeAll(async () => {
    application = await anApplication();
    documentId = (await upload(application.applicant, application.id, "执业证.pdf", PDF)).body.id;
  });

  it("lets the applicant and an admin of the applicant's district open the file", async () => {
    for (const reader of [application.applicant, admin]) {
      const response = await download(reader, application.id, documentId);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
      expect((await list(reader, application.id)).status).toBe(200);
    }
  });

  it("refuses everyone else: another district's admin 403, another expert 404, a company 403, nobody signed in 401", async () => {
    const expected: [Caller, number][] = [
      [otherDistrictAdmin, 403],
      [anotherExpert, 404],
      [enterprise, 403],
      ["anonymous", 401],
    ];
    for (const [caller, status] of expected) {
      expect((await download(caller, application.id, documentId)).status).toBe(status);
      expect((await list(caller, application.id)).status).toBe(status);
    }
  });

  it("lets nobody but the applicant add a file", async () => {
    expect((await upload(anotherExpert, application.id, "伪造.pdf", PDF)).status).toBe(404);
    expect((await upload(admin, application.id, "执业证.pdf", PDF)).status).toBe(403);
    expect((await upload("anonymous", application.id, "执业证.pdf", PDF)).status).toBe(401);
  });

  it("does not open one application's file under another application's address", async () => {
    const other = await anApplication();
    expect((await download(other.applicant, other.id, documentId)).status).toBe(404);
  });
});
