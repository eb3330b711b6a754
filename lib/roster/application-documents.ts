import { and, asc, count, eq } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { applicationDocuments, expertApplications, experts } from "@/db/schema";
import { requireDistrict, requirePermission, type Actor } from "@/lib/authz";
import { AppError, conflict, invalidField, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { cleanFilename, MAX_ATTACHMENT_BYTES, sniffAttachmentType } from "@/lib/requests/attachment-type";
import { uuidParam } from "@/lib/validation";

/** A licence or certificate scan: PDF, JPEG or PNG, judged by its content like every attachment. */
export const licenceMediaTypes = ["application/pdf", "image/jpeg", "image/png"];
/** The file picker's hint (the content decides). */
export const LICENCE_ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";
/** Enough for a licence, its annual stamp pages and a few certificates. */
export const MAX_DOCUMENTS_PER_APPLICATION = 10;

type Db = typeof db | Tx;

/**
 * The application, if the actor may see its evidence: the applicant themself, or an admin who may
 * vet it (of the applicant's district: another district's admin 403, as for the checklist).
 * Anyone else, and an unknown id, 404.
 */
async function applicationForEvidence(conn: Db, actor: Actor, applicationId: string, lock = false) {
  if (!uuidParam.safeParse(applicationId).success) throw notFound();
  const query = conn
    .select({
      id: expertApplications.id,
      expertId: expertApplications.expertId,
      status: expertApplications.status,
      homeRegionCode: experts.homeRegionCode,
    })
    .from(expertApplications)
    .innerJoin(experts, eq(experts.id, expertApplications.expertId))
    .where(eq(expertApplications.id, applicationId));
  const [application] = lock ? await query.for("update", { of: expertApplications }) : await query;
  if (!application) throw notFound();
  if (actor.role === "admin") requireDistrict(actor, "application.documents", application.homeRegionCode);
  else if (actor.expertId !== application.expertId) throw notFound();
  return application;
}

/**
 * The applicant adds a scan of their practising licence or a certificate to their own pending
 * application. 404 for anyone else's; 409 once it is decided or holds MAX_DOCUMENTS_PER_APPLICATION;
 * 413 above 10 MB; 422 for an empty file or one that is not PDF, JPEG or PNG by its content.
 * `readFile` is called only after the access checks. Writes the file and an event on the applicant.
 */
export async function addApplicationDocument(
  actor: Actor | null,
  applicationId: string,
  readFile: () => Promise<{ filename: string; bytes: Uint8Array }>,
) {
  const applicant = requirePermission(actor, "application.attach");
  const found = await applicationForEvidence(db, applicant, applicationId);
  if (found.status !== "pending") throw conflict("roster.errors.documentsClosed");
  const file = await readFile();
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new AppError("payload_too_large", "requests.errors.fileTooLarge");
  if (file.bytes.byteLength === 0) throw invalidField("file", "requests.errors.fileEmpty");
  const type = await sniffAttachmentType(file.bytes);
  if (!type || !licenceMediaTypes.includes(type.mime)) throw invalidField("file", "roster.errors.documentType");
  const filename = cleanFilename(file.filename, type.ext);
  return db.transaction(async (tx) => {
    // Again under the application's lock: a decision or another upload may have come meanwhile.
    const application = await applicationForEvidence(tx, applicant, applicationId, true);
    if (application.status !== "pending") throw conflict("roster.errors.documentsClosed");
    const [held] = await tx.select({ n: count() }).from(applicationDocuments).where(eq(applicationDocuments.applicationId, applicationId));
    if ((held?.n ?? 0) >= MAX_DOCUMENTS_PER_APPLICATION) throw conflict("roster.errors.tooManyDocuments", { max: MAX_DOCUMENTS_PER_APPLICATION });
    const [row] = await tx
      .insert(applicationDocuments)
      .values({
        applicationId,
        uploadedBy: applicant.userId,
        filename,
        mimeType: type.mime,
        sizeBytes: file.bytes.byteLength,
        content: Buffer.from(file.bytes),
      })
      .returning({
        id: applicationDocuments.id,
        filename: applicationDocuments.filename,
        mimeType: applicationDocuments.mimeType,
        sizeBytes: applicationDocuments.sizeBytes,
        createdAt: applicationDocuments.createdAt,
      });
    await recordEvent(tx, applicant, {
      type: "application.document_added",
      entityType: "expert",
      entityId: application.expertId,
      data: { applicationId, documentId: row!.id, filename },
    });
    return row!;
  });
}

/** The evidence of an application (names, types, sizes; never the content): the applicant and the admins who vet it. */
export async function listApplicationDocuments(actor: Actor | null, applicationId: string) {
  const reader = requirePermission(actor, "application.documents");
  await applicationForEvidence(db, reader, applicationId);
  return db
    .select({
      id: applicationDocuments.id,
      filename: applicationDocuments.filename,
      mimeType: applicationDocuments.mimeType,
      sizeBytes: applicationDocuments.sizeBytes,
      createdAt: applicationDocuments.createdAt,
    })
    .from(applicationDocuments)
    .where(eq(applicationDocuments.applicationId, applicationId))
    .orderBy(asc(applicationDocuments.createdAt), asc(applicationDocuments.id));
}

/** One file of an application's evidence, with its content: the applicant and the admins who vet it; 404 otherwise. */
export async function getApplicationDocumentForDownload(actor: Actor | null, applicationId: string, documentId: string) {
  const reader = requirePermission(actor, "application.documents");
  if (!uuidParam.safeParse(documentId).success) throw notFound();
  await applicationForEvidence(db, reader, applicationId);
  const [file] = await db
    .select({ filename: applicationDocuments.filename, mimeType: applicationDocuments.mimeType, content: applicationDocuments.content })
    .from(applicationDocuments)
    .where(and(eq(applicationDocuments.id, documentId), eq(applicationDocuments.applicationId, applicationId)));
  if (!file) throw notFound();
  return file;
}
