// GET /api/v1/expert-applications/:id/documents/:documentId - the applicant, and admins of the applicant's district (another district's -> 403): the file
import { apiRoute } from "@/lib/http/api-route";
import { contentDisposition } from "@/lib/requests/attachment-type";
import { getApplicationDocumentForDownload, licenceMediaTypes } from "@/lib/roster/application-documents";

export const GET = apiRoute({ permission: "application.documents", produces: licenceMediaTypes }, async ({ actor, params, request }) => {
  const file = await getApplicationDocumentForDownload(actor, params.id!, params.documentId!);
  // ?inline opens it in the browser's viewer (a PDF, an image); by default it is saved.
  const inline = new URL(request.url).searchParams.has("inline");
  const disposition = contentDisposition(file.filename);
  return new Response(new Uint8Array(file.content), {
    headers: {
      "content-type": file.mimeType,
      "content-length": String(file.content.byteLength),
      "content-disposition": inline ? disposition.replace(/^attachment/, "inline") : disposition,
      "cache-control": "private, no-store",
      // Never rendered as a page of this site, whatever the file holds. A PDF opened in the browser needs
      // its built-in viewer, which a sandboxed response may not load: no sandbox for that one, nothing else allowed.
      "content-security-policy": inline && file.mimeType === "application/pdf" ? "default-src 'none'" : "sandbox; default-src 'none'",
      "x-content-type-options": "nosniff",
    },
  });
});
