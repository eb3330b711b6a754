// GET /api/v1/stats - anyone: the public aggregate figures, with the same figures by year and by district of the zone
import { apiRoute } from "@/lib/http/api-route";
import { cachedImpactFigures, cachedPublicStats } from "@/lib/public-cache/reads";
import { statsResponse } from "@/lib/reports/responses";

export const GET = apiRoute({ permission: "public", response: statsResponse }, async () => {
  const [totals, { byYear, districts, other }] = await Promise.all([cachedPublicStats(), cachedImpactFigures()]);
  return {
    ...totals,
    byYear,
    byDistrict: districts.map(({ nameZh, nameEn, ...d }) => ({ ...d, name: { zh: nameZh, en: nameEn } })),
    outsideZone: other,
  };
});
