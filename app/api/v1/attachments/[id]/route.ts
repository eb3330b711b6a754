// GET /api/v1/attachments/:id - the parties of its case: the file, with its original (Chinese) name
import { apiRoute } from "@/lib/http/api-route";
import { attachmentMediaTypes, contentDisposition } from "@/lib/requests/attachment-type";
import { getAttachmentForDownload } from "@/lib/requests/queries";

export const GET = apiRoute({ permission: "attachment.download", produces: attachmentMediaTypes }, async ({ actor, params }) => {
  const file = await getAttachmentForDownload(actor, params.id!);
  return new Response(new Uint8Array(file.content), {
    headers: {
      "content-type": file.mimeType,
      "content-length": String(file.content.byteLength),
      "content-disposition": contentDisposition(file.filename),
      "cache-control": "private, no-store",
      // Never rendered as a page of this site, whatever the file holds.
      "content-security-policy": "sandbox; default-src 'none'",
      "x-content-type-options": "nosniff",
    },
  });
});
