// POST /api/v1/experts/import - admin only: multipart "file" -> imports the valid rows in one transaction (a district admin: its district's experts only); { imported, present, rejected, rows }
import { apiRoute } from "@/lib/http/api-route";
import { translator } from "@/lib/i18n/translate";
import { importRoster } from "@/lib/roster/import/commit";
import { readUploadedFile } from "@/lib/roster/import/upload";
import { importResponse } from "@/lib/roster/responses";

export const POST = apiRoute({ permission: "expert.import", accepts: "multipart", response: importResponse }, async ({ actor, request, locale }) => {
  const { fileName, bytes } = await readUploadedFile(request);
  return importRoster(actor, fileName, bytes, translator(locale));
});
