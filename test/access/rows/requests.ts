import { db } from "@/db";
import { attachments } from "@/db/schema";
import { addAttachment } from "@/lib/requests/attachments";
import { postMessage } from "@/lib/requests/post-message";
import { fileAs, moveTo } from "@/test/request-fixtures";
import type { AccessRow, World } from "../types";

// Each call gets fresh records filed by world.enterprise, so one actor's success cannot affect another's.
const aRequest = async (world: World) => fileAs(world.enterprise);
const aCase = async (world: World, status: "accepted" | "resolved" = "accepted") => {
  const id = await fileAs(world.enterprise);
  await moveTo(id, status, world.expert);
  return id;
};
const PDF = Buffer.from("%PDF-1.4\n%%EOF\n");
/** A case with a message and a file, so the lists answer items (the contract suite checks their shape). */
const aCaseWithCorrespondence = async (world: World) => {
  const id = await aCase(world);
  await postMessage(world.enterprise, id, "合同已上传");
  await addAttachment(world.enterprise, id, async () => ({ filename: "合同.pdf", bytes: PDF }));
  return id;
};

const filers = (ok: number) => ({
  anonymous: 401,
  enterprise: ok,
  otherEnterprise: 404,
  expert: 403,
  station: 404,
  admin: 403,
  otherDistrictAdmin: 403,
});
// The case's parties: the filing company, the assigned expert, the admins of its district; the station did not file it.
const parties = (ok: number) => ({
  anonymous: 401,
  enterprise: ok,
  otherEnterprise: 404,
  expert: ok,
  station: 404,
  admin: ok,
  otherDistrictAdmin: 404,
});

export const rows: AccessRow[] = [
  {
    route: "POST /api/v1/requests",
    setup: () => ({
      body: {
        title: "货款拖欠",
        category: "debt_collection",
        description: "对方拖欠货款。",
        counterparties: [{ name: "某贸易公司" }],
        amountAtStakeFen: 100_000,
        regionCode: "330421",
        // Read only when a station files (for the walk-in) or an admin (for a hotline caller); an enterprise files for itself.
        enterprise: { name: "来访者", contactName: "来访者", contactPhone: "13800000000" },
      },
    }),
    // An admin files a hotline call for a region of its own district: 嘉善县 is not 青浦区's (403, as the permission table says).
    expect: { anonymous: 401, enterprise: 201, otherEnterprise: 201, expert: 403, station: 201, admin: 201, otherDistrictAdmin: 403 },
  },
  {
    route: "GET /api/v1/requests",
    expect: { anonymous: 401, enterprise: 200, otherEnterprise: 200, expert: 200, station: 200, admin: 200, otherDistrictAdmin: 200 },
  },
  {
    route: "GET /api/v1/requests/[id]",
    setup: async (world) => ({ params: { id: await aRequest(world) } }),
    expect: { anonymous: 401, enterprise: 200, otherEnterprise: 404, expert: 404, station: 404, admin: 200, otherDistrictAdmin: 404 },
  },
  {
    route: "POST /api/v1/requests/[id]/withdraw",
    setup: async (world) => ({ params: { id: await aRequest(world) }, body: { reason: "已和解" } }),
    expect: filers(200),
  },
  {
    route: "POST /api/v1/requests/[id]/triage",
    setup: async (world) => ({ params: { id: await aRequest(world) }, body: { decision: "accept" } }),
    expect: { anonymous: 401, enterprise: 403, otherEnterprise: 403, expert: 403, station: 403, admin: 200, otherDistrictAdmin: 404 },
  },
  {
    route: "GET /api/v1/requests/[id]/messages",
    setup: async (world) => ({ params: { id: await aCaseWithCorrespondence(world) } }),
    expect: parties(200),
  },
  {
    route: "POST /api/v1/requests/[id]/messages",
    setup: async (world) => ({ params: { id: await aCase(world) }, body: { body: "您好" } }),
    expect: parties(201),
  },
  {
    route: "POST /api/v1/requests/[id]/resolve",
    setup: async (world) => ({ params: { id: await aCase(world) }, body: { summary: "已化解" } }),
    expect: { anonymous: 401, enterprise: 403, otherEnterprise: 403, expert: 200, station: 403, admin: 403, otherDistrictAdmin: 403 },
  },
  {
    route: "POST /api/v1/requests/[id]/contact",
    setup: async (world) => ({
      params: { id: await aCase(world) },
      body: { at: new Date().toISOString(), method: "phone", note: "电话约定周三上门" },
    }),
    expect: { anonymous: 401, enterprise: 403, otherEnterprise: 403, expert: 201, station: 403, admin: 403, otherDistrictAdmin: 403 },
  },
  {
    route: "POST /api/v1/requests/[id]/confirm",
    setup: async (world) => ({ params: { id: await aCase(world, "resolved") }, body: { rating: 5, comment: "满意" } }),
    expect: { anonymous: 401, enterprise: 200, otherEnterprise: 404, expert: 403, station: 403, admin: 403, otherDistrictAdmin: 403 },
  },
  {
    route: "POST /api/v1/requests/[id]/object",
    setup: async (world) => ({ params: { id: await aCase(world, "resolved") }, body: { reason: "货款仍未到账" } }),
    expect: { anonymous: 401, enterprise: 200, otherEnterprise: 404, expert: 403, station: 403, admin: 403, otherDistrictAdmin: 403 },
  },
  {
    route: "GET /api/v1/requests/[id]/attachments",
    setup: async (world) => ({ params: { id: await aCaseWithCorrespondence(world) } }),
    expect: parties(200),
  },
  {
    // The suite sends JSON; a party gets as far as reading the upload (400: not multipart), anyone else 404.
    route: "POST /api/v1/requests/[id]/attachments",
    setup: async (world) => ({ params: { id: await aCase(world) }, body: {} }),
    expect: parties(400),
  },
  {
    route: "GET /api/v1/attachments/[id]",
    setup: async (world) => {
      const requestId = await aCase(world);
      const [file] = await db
        .insert(attachments)
        .values({
          requestId,
          uploadedBy: world.enterprise.userId,
          filename: "合同.pdf",
          mimeType: "application/pdf",
          sizeBytes: PDF.byteLength,
          content: PDF,
        })
        .returning({ id: attachments.id });
      return { params: { id: file!.id } };
    },
    expect: parties(200),
  },
];
