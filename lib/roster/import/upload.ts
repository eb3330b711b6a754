import { AppError } from "@/lib/errors";
import { readMultipartForm } from "@/lib/http/read-body";
import { MAX_IMPORT_BYTES } from "./read-file";

const noFile = () => new AppError("bad_request", "roster.import.errors.noFile", { fields: { file: "roster.import.errors.noFile" } });
const tooLarge = () => new AppError("payload_too_large", "roster.import.errors.tooLarge", { fields: { file: "roster.import.errors.tooLarge" } });

/**
 * The file of a multipart upload (field "file"), counted as it arrives: 413 as soon as the body
 * passes the limit, 400 when there is no file.
 */
export async function readUploadedFile(request: Request): Promise<{ fileName: string; bytes: Uint8Array }> {
  const form = await readMultipartForm(request, MAX_IMPORT_BYTES, tooLarge);
  const file = form?.get("file");
  if (!file || typeof file === "string" || file.size === 0) throw noFile();
  if (file.size > MAX_IMPORT_BYTES) throw tooLarge();
  return { fileName: file.name || "upload", bytes: new Uint8Array(await file.arrayBuffer()) };
}
