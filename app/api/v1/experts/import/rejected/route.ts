// POST /api/v1/experts/import/rejected - admin only: multipart "file" -> the rows that cannot be imported, with the problems, as a file of the same format
import { apiRoute } from "@/lib/http/api-route";
import { translator } from "@/lib/i18n/translate";
import { checkImportFile } from "@/lib/roster/import/preview";
import { buildRejectedFile } from "@/lib/roster/import/rejected-file";
import { readUploadedFile } from "@/lib/roster/import/upload";
import { CSV, XLSX } from "@/lib/http/wire";

export const POST = apiRoute({ permission: "expert.import", accepts: "multipart", produces: [CSV, XLSX] }, async ({ actor, request, locale }) => {
  const { fileName, bytes } = await readUploadedFile(request);
  const { table, rows } = await checkImportFile(actor, fileName, bytes);
  const file = await buildRejectedFile(table, rows, translator(locale));
  const base = fileName.replace(/\.[^.]+$/, "");
  return new Response(file.bytes as unknown as BodyInit, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="rejected.${file.extension}"; filename*=UTF-8''${encodeURIComponent(`${base}-rejected.${file.extension}`)}`,
      "cache-control": "no-store",
    },
  });
});
