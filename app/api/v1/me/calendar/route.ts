// GET /api/v1/me/calendar - expert, station staff: the absolute URL of one's private calendar feed (.ics), made on the first call
// POST /api/v1/me/calendar - expert, station staff: a new token for one's feed; the old URL stops working
import { calendarFeedResponse } from "@/lib/calendar/responses";
import { getMyCalendarFeed, resetMyCalendarFeed } from "@/lib/calendar/feeds";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute({ permission: "calendar.feed", response: calendarFeedResponse }, ({ actor }) => getMyCalendarFeed(actor));

export const POST = apiRoute({ permission: "calendar.feed", response: calendarFeedResponse }, ({ actor }) => resetMyCalendarFeed(actor));
