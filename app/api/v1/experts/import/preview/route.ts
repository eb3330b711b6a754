// POST /api/v1/experts/import/preview - admin only: multipart "file" (.xlsx or .csv, max 2 MB) -> every row with its problems; writes nothing
import { apiRoute } from "@/lib/http/api-route";
import { translator } from "@/lib/i18n/translate";
import { previewImport } from "@/lib/roster/import/preview";
import { readUploadedFile } from "@/lib/roster/import/upload";
import { importPreviewResponse } from "@/lib/roster/responses";

export const POST = apiRoute(
  { permission: "expert.import", accepts: "multipart", response: importPreviewResponse },
  async ({ actor, request, locale }) => {
    const { fileName, bytes } = await readUploadedFile(request);
    return previewImport(actor, fileName, bytes, translator(locale));
  },
);
