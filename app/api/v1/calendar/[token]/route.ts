// GET /api/v1/calendar/:token - whoever holds the token (the path ends in .ics): the expert's or the station's calendar, text/calendar; unknown token -> 404
import { ICS_MEDIA_TYPE } from "@/lib/calendar/ics";
import { privateFeed } from "@/lib/calendar/render-feed";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute({ permission: "public", produces: [ICS_MEDIA_TYPE] }, async ({ params }) => {
  const body = await privateFeed(params.token!);
  // The URL is the secret: no cache along the way may keep a copy.
  return new Response(body, { headers: { "content-type": ICS_MEDIA_TYPE, "cache-control": "private, no-store" } });
});
