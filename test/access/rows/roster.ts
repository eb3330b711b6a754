import { eq } from "drizzle-orm";
import { db } from "@/db";
import { applicationDocuments, expertApplications, experts } from "@/db/schema";
import { createExpertActor } from "../../fixtures";
import { applicant, pendingApplication } from "../sample-inputs";
import type { AccessRow, World } from "../types";

const everyone200 = { anonymous: 200, enterprise: 200, otherEnterprise: 200, expert: 200, station: 200, admin: 200, otherDistrictAdmin: 200 };
const adminOnly = (status: number, otherDistrict = status) => ({
  anonymous: 401,
  enterprise: 403,
  otherEnterprise: 403,
  expert: 403,
  station: 403,
  admin: status,
  otherDistrictAdmin: otherDistrict,
});

// The world's experts and applicants live in 嘉善县; otherDistrictAdmin is an admin of 青浦区. Every admin
// reads the whole roster and every application; only the expert's district's admins change them: 403
// (lib/authz.ts outsideDistrict).
export const rows: AccessRow[] = [
  { route: "GET /api/v1/experts", expect: everyone200 },
  {
    route: "GET /api/v1/experts/[id]",
    setup: async () => ({ params: { id: (await createExpertActor()).expertId! } }),
    expect: everyone200,
  },
  { route: "GET /api/v1/experts/export", expect: adminOnly(200) },
  // These take a multipart file; the suite sends JSON, which an admin is told is no file (400).
  { route: "POST /api/v1/experts/import/preview", expect: adminOnly(400) },
  { route: "POST /api/v1/experts/import", expect: adminOnly(400) },
  { route: "POST /api/v1/experts/import/rejected", expect: adminOnly(400) },
  {
    route: "POST /api/v1/experts/[id]/suspend",
    setup: async () => ({ params: { id: (await createExpertActor()).expertId! }, body: { reason: "执业证年检未通过" } }),
    expect: adminOnly(200, 403),
  },
  {
    route: "POST /api/v1/experts/[id]/reinstate",
    setup: async () => ({ params: { id: (await createExpertActor({ status: "suspended" })).expertId! }, body: { reason: "年检已通过" } }),
    expect: adminOnly(200, 403),
  },
  {
    route: "POST /api/v1/expert-applications",
    setup: () => ({ body: applicant() }),
    expect: { anonymous: 201, enterprise: 201, otherEnterprise: 201, expert: 201, station: 201, admin: 201, otherDistrictAdmin: 201 },
  },
  { route: "GET /api/v1/expert-applications", expect: adminOnly(200) },
  {
    route: "POST /api/v1/expert-applications/[id]/decision",
    setup: async (world) => ({ params: { id: await pendingApplication(world, true) }, body: { approve: true, reason: "审核通过", termYears: 3 } }),
    expect: adminOnly(200, 403),
  },
  {
    route: "POST /api/v1/expert-applications/[id]/checks",
    setup: async (world) => ({ params: { id: await pendingApplication(world, false) }, body: { item: "licence_verified", checked: true } }),
    expect: adminOnly(200, 403),
  },
  // Licence evidence: the applicant (a new account, not the world's expert, who is told the application
  // does not exist) and the admins of the applicant's district; another district's admin 403.
  {
    route: "GET /api/v1/expert-applications/[id]/documents",
    setup: async (world) => ({ params: { id: await applicationWithEvidence(world).then((a) => a.applicationId) } }),
    expect: { ...adminOnly(200, 403), expert: 404 },
  },
  {
    route: "GET /api/v1/expert-applications/[id]/documents/[documentId]",
    setup: async (world) => {
      const { applicationId, documentId } = await applicationWithEvidence(world);
      return { params: { id: applicationId, documentId } };
    },
    expect: { ...adminOnly(200, 403), expert: 404 },
  },
  {
    // Only an applicant adds files, to their own application: the world's expert is told it does not exist.
    route: "POST /api/v1/expert-applications/[id]/documents",
    setup: async (world) => ({ params: { id: await pendingApplication(world, false) }, body: {} }),
    expect: { ...adminOnly(403), expert: 404 },
  },
];

const PDF = Buffer.from("%PDF-1.4\n%%EOF\n");

/** A pending application with a licence scan on file. */
async function applicationWithEvidence(world: World) {
  const applicationId = await pendingApplication(world, false);
  const [application] = await db
    .select({ userId: experts.userId })
    .from(expertApplications)
    .innerJoin(experts, eq(experts.id, expertApplications.expertId))
    .where(eq(expertApplications.id, applicationId));
  const [document] = await db
    .insert(applicationDocuments)
    .values({
      applicationId,
      uploadedBy: application!.userId,
      filename: "执业证.pdf",
      mimeType: "application/pdf",
      sizeBytes: PDF.byteLength,
      content: PDF,
    })
    .returning({ id: applicationDocuments.id });
  return { applicationId, documentId: document!.id };
}
