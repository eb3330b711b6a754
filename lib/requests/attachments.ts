import { db } from "@/db";
import { attachments } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { AppError, conflict, invalidField } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { loadCaseForParty } from "./access";
import { cleanFilename, MAX_ATTACHMENT_BYTES, sniffAttachmentType } from "./attachment-type";

const FINAL_STATUSES = ["closed", "withdrawn", "rejected"];

/**
 * A party of the case adds a file. 404 for anyone else (an expert merely offered the case
 * included); 409 once the request is final; 413 above 10 MB; 422 for an empty file or a type
 * that is not PDF, image, Word or Excel by its content. Stored in the database (every instance
 * serves it), with an event on the timeline. `readFile` is called after the access checks.
 */
export async function addAttachment(actor: Actor | null, requestId: string, readFile: () => Promise<{ filename: string; bytes: Uint8Array }>) {
  const uploader = requirePermission(actor, "attachment.upload");
  const request = await loadCaseForParty(db, uploader, requestId);
  if (FINAL_STATUSES.includes(request.status)) throw conflict("requests.errors.attachmentFinal");
  // Read only once the caller may add to this case: a stranger's upload is not even read.
  const file = await readFile();
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new AppError("payload_too_large", "requests.errors.fileTooLarge");
  if (file.bytes.byteLength === 0) throw invalidField("file", "requests.errors.fileEmpty");
  const type = await sniffAttachmentType(file.bytes);
  if (!type) throw invalidField("file", "requests.errors.fileType");
  const filename = cleanFilename(file.filename, type.ext);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(attachments)
      .values({
        requestId: request.id,
        uploadedBy: uploader.userId,
        filename,
        mimeType: type.mime,
        sizeBytes: file.bytes.byteLength,
        content: Buffer.from(file.bytes),
      })
      .returning({
        id: attachments.id,
        filename: attachments.filename,
        mimeType: attachments.mimeType,
        sizeBytes: attachments.sizeBytes,
        createdAt: attachments.createdAt,
      });
    await recordEvent(tx, uploader, {
      type: "attachment.added",
      entityType: "attachment",
      entityId: row!.id,
      requestId: request.id,
      data: { filename },
    });
    return row!;
  });
}
