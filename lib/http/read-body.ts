import { AppError } from "@/lib/errors";

/**
 * A request body, read only up to `maxBytes`. The declared Content-Length is judged before a
 * byte is read, and a body without one (chunked) is counted as it arrives: the moment it passes
 * the limit the reading stops and `tooLarge()` is thrown, so no body costs more memory than its
 * limit, whatever it claims.
 */
export async function readBodyBytes(request: Request, maxBytes: number, tooLarge: () => AppError): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // The rest of the body is discarded by the server; nothing more of it is kept here.
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** Room for the multipart envelope (boundaries, part headers) around one file at its limit. */
const MULTIPART_ENVELOPE_BYTES = 64 * 1024;

/**
 * The form of a multipart/form-data upload holding one file of at most `maxFileBytes`, read with
 * the same byte counter before it is parsed. Null when the body is not multipart or not a form.
 */
export async function readMultipartForm(request: Request, maxFileBytes: number, tooLarge: () => AppError): Promise<FormData | null> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType)) return null;
  const bytes = await readBodyBytes(request, maxFileBytes + MULTIPART_ENVELOPE_BYTES, tooLarge);
  try {
    return await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    return null;
  }
}

/**
 * The same request with its body read under the limit first: for a library that reads a body
 * whole by itself (next-auth's sign-in), which would otherwise hold whatever it is sent.
 */
export async function withBoundedBody(request: Request, maxBytes: number, tooLarge: () => AppError): Promise<Request> {
  if (request.method === "GET" || request.method === "HEAD") return request;
  const body = await readBodyBytes(request, maxBytes, tooLarge);
  return new Request(request.url, { method: request.method, headers: request.headers, body });
}
