import { AppError } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "./read-file";

const noFile = () => new AppError("bad_request", "roster.import.errors.noFile", { fields: { file: "roster.import.errors.noFile" } });
const tooLarge = () => new AppError("payload_too_large", "roster.import.errors.tooLarge", { fields: { file: "roster.import.errors.tooLarge" } });

/**
 * The file of a multipart upload (field "file"), refused before reading when the declared size
 * is over the limit (413), and 400 when there is no file.
 */
export async function readUploadedFile(request: Request): Promise<{ fileName: string; bytes: Uint8Array }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  // The multipart envelope adds a little to the file itself.
  if (declared > MAX_IMPORT_BYTES + 64 * 1024) throw tooLarge();
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) throw noFile();
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw noFile();
  }
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0) throw noFile();
  if (file.size > MAX_IMPORT_BYTES) throw tooLarge();
  return { fileName: file.name || "upload", bytes: new Uint8Array(await file.arrayBuffer()) };
}
