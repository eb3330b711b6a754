// GET /api/v1/stations/:id/calendar.ics - anyone: the station's coming duty sessions (expert, period, free slots) as a calendar to subscribe to, text/calendar
import { z } from "zod";
import { ICS_MEDIA_TYPE } from "@/lib/calendar/ics";
import { publicStationFeed } from "@/lib/calendar/render-feed";
import { apiRoute } from "@/lib/http/api-route";
import { locales } from "@/lib/i18n/locales";

const query = z.object({ lang: z.enum(locales, { error: "errors.field.invalid" }).default("zh-CN") });

export const GET = apiRoute({ permission: "public", query, produces: [ICS_MEDIA_TYPE] }, async ({ params, query }) => {
  const body = await publicStationFeed(params.id!, query.lang);
  return new Response(body, { headers: { "content-type": ICS_MEDIA_TYPE, "cache-control": "public, max-age=300" } });
});
