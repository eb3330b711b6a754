import { AppError, invalidField } from "@/lib/errors";
import { readMultipartForm } from "@/lib/http/read-body";
import { MAX_ATTACHMENT_BYTES } from "./attachment-type";

const tooLarge = () => new AppError("payload_too_large", "requests.errors.fileTooLarge");

/**
 * Reads one file from a multipart/form-data request, counting bytes as they arrive: 413 as soon
 * as the body passes one file at the limit, 400 for a body that is not a multipart form, 422 when
 * the field holds no file. The size of the file itself is judged by the use case.
 */
export async function readUploadedFile(request: Request, field: string): Promise<{ filename: string; bytes: Uint8Array }> {
  const form = await readMultipartForm(request, MAX_ATTACHMENT_BYTES, tooLarge);
  if (!form) throw new AppError("bad_request", "errors.badRequest");
  const file = form.get(field);
  if (!file || typeof file === "string") throw invalidField(field, "requests.errors.fileMissing");
  if (file.size > MAX_ATTACHMENT_BYTES) throw tooLarge();
  return { filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
