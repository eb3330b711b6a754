import { AppError, invalidField } from "@/lib/errors";
import { MAX_ATTACHMENT_BYTES } from "./attachment-type";

/** Room for the multipart envelope around one file at the size limit. */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * Reads one file from a multipart/form-data request. 413 when the declared body is larger than
 * one file at the limit (before reading it), 400 for a body that is not multipart, 422 when the
 * field holds no file. The size of the file itself is judged by the use case.
 */
export async function readUploadedFile(request: Request, field: string): Promise<{ filename: string; bytes: Uint8Array }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_ATTACHMENT_BYTES + ENVELOPE_BYTES) throw new AppError("payload_too_large", "requests.errors.fileTooLarge");
  if (!/^multipart\/form-data/i.test(request.headers.get("content-type") ?? "")) throw new AppError("bad_request", "errors.badRequest");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("bad_request", "errors.badRequest");
  }
  const file = form.get(field);
  if (!file || typeof file === "string") throw invalidField(field, "requests.errors.fileMissing");
  if (file.size > MAX_ATTACHMENT_BYTES) throw new AppError("payload_too_large", "requests.errors.fileTooLarge");
  return { filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
