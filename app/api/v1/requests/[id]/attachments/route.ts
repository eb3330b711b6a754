// POST /api/v1/requests/:id/attachments - the case's parties: multipart field "file" (PDF, image, Word, Excel; up to 10 MB)
// GET /api/v1/requests/:id/attachments - the case's parties: the files with who added them
import { apiRoute, created } from "@/lib/http/api-route";
import { addAttachment } from "@/lib/requests/attachments";
import { listAttachments } from "@/lib/requests/queries";
import { readUploadedFile } from "@/lib/requests/read-upload";
import { attachmentListResponse, attachmentResponse } from "@/lib/requests/responses";

export const POST = apiRoute(
  { permission: "attachment.upload", accepts: "multipart", response: attachmentResponse, status: 201 },
  async ({ actor, params, request }) => created(await addAttachment(actor, params.id!, () => readUploadedFile(request, "file"))),
);

export const GET = apiRoute({ permission: "attachment.download", response: attachmentListResponse }, async ({ actor, params }) =>
  listAttachments(actor, params.id!),
);
