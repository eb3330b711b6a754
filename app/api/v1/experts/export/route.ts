// GET /api/v1/experts/export - admin only: the roster (filters q, status, specialty, region, district) as an Excel workbook
import { apiRoute } from "@/lib/http/api-route";
import { translator } from "@/lib/i18n/translate";
import { todayInShanghai } from "@/lib/clock";
import { exportRosterWorkbook } from "@/lib/roster/export-roster-workbook";
import { rosterQuerySchema } from "@/lib/roster/schemas";
import { XLSX } from "@/lib/http/wire";

export const GET = apiRoute({ permission: "expert.export", query: rosterQuerySchema, produces: [XLSX] }, async ({ actor, query, locale }) => {
  const bytes = await exportRosterWorkbook(actor, query, translator(locale), locale);
  return new Response(bytes as unknown as BodyInit, {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="roster-${todayInShanghai()}.xlsx"`,
      "cache-control": "no-store",
    },
  });
});
