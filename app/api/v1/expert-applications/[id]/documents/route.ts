// POST /api/v1/expert-applications/:id/documents - the applicant, while pending: multipart field "file" (a PDF, JPG or PNG scan of the licence or a certificate; up to 10 MB)
// GET /api/v1/expert-applications/:id/documents - the applicant, and admins of the applicant's district (another district's -> 403): the files
import { apiRoute, created } from "@/lib/http/api-route";
import { addApplicationDocument, listApplicationDocuments } from "@/lib/roster/application-documents";
import { readUploadedFile } from "@/lib/requests/read-upload";
import { applicationDocumentListResponse, applicationDocumentResponse } from "@/lib/roster/responses";

export const POST = apiRoute(
  { permission: "application.attach", accepts: "multipart", response: applicationDocumentResponse, status: 201 },
  async ({ actor, params, request }) => created(await addApplicationDocument(actor, params.id!, () => readUploadedFile(request, "file"))),
);

export const GET = apiRoute({ permission: "application.documents", response: applicationDocumentListResponse }, async ({ actor, params }) =>
  listApplicationDocuments(actor, params.id!),
);
