import { fileTypeFromBuffer } from "file-type";

/** 10 MB: the largest attachment we keep. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const allowed: Record<string, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "application/msword": "doc",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.ms-excel": "xls",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
};

/** The media types an attachment may have, and so a download may answer. */
export const attachmentMediaTypes = Object.keys(allowed);

/** The accepted kinds, for the file picker's `accept` (a hint only; the content decides). */
export const ACCEPT_ATTRIBUTE = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,application/pdf,image/*";

const utf16 = (text: string) => Buffer.from(text, "utf16le");

/**
 * Old Word and Excel files share one container (MS-CFB); what is inside tells them apart:
 * a "WordDocument" stream or an Excel "Workbook"/"Book" stream in the directory.
 */
function cfbKind(bytes: Uint8Array): string | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.includes(utf16("WordDocument"))) return "application/msword";
  if (buffer.includes(utf16("Workbook")) || buffer.includes(utf16("Book\u0000"))) return "application/vnd.ms-excel";
  return null;
}

/**
 * The type of an upload judged by its content (magic bytes), never by its name: one of PDF,
 * PNG/JPEG/GIF/WebP, Word or Excel, or null for anything else (scripts, HTML, archives, ...).
 */
export async function sniffAttachmentType(bytes: Uint8Array): Promise<{ mime: string; ext: string } | null> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return null;
  const mime = found.mime === "application/x-cfb" ? cfbKind(bytes) : found.mime;
  if (!mime || !allowed[mime]) return null;
  return { mime, ext: allowed[mime] };
}

/** Where more than one extension names a kind: all of them (otherwise only its own). */
const extensionsOf: Record<string, readonly string[]> = {
  jpg: ["jpg", "jpeg", "jpe"],
};

/**
 * A filename safe to store and send back: no directories, no control characters, at most 150
 * characters, and an extension that says what the content really is: a PNG named "x.html" is
 * kept as "x.png", so no download is opened as something other than what it is.
 * Chinese and other non-ASCII characters are kept as they are.
 */
export function cleanFilename(raw: string, ext: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f"<>|*?:]/g, "").trim();
  const dot = base.lastIndexOf(".");
  const hasExtension = dot > 0 && /^[A-Za-z0-9]{1,5}$/.test(base.slice(dot + 1));
  const given = hasExtension ? base.slice(dot + 1).toLowerCase() : "";
  let stem = (hasExtension ? base.slice(0, dot) : base).replace(/[. ]+$/, "").slice(0, 140);
  if (!stem || stem === "." || stem === "..") stem = "attachment";
  return (extensionsOf[ext] ?? [ext]).includes(given) ? `${stem}.${base.slice(dot + 1)}` : `${stem}.${ext}`;
}

/** A Content-Disposition that keeps a Chinese filename intact (RFC 6266 / RFC 5987) with an ASCII fallback. */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
