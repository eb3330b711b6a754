"use server";

import { z } from "zod";
import { resetMyCalendarFeed } from "@/lib/calendar/feeds";
import { action } from "@/lib/http/server-action";

/** A new link for one's calendar feed (the old one stops working); the box on the account and profile pages. */
export const resetCalendarFeedAction = action({ permission: "calendar.feed", input: z.object({}) }, ({ actor }) => resetMyCalendarFeed(actor));
