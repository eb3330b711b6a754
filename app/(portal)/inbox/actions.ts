"use server";

import { z } from "zod";
import { action } from "@/lib/http/server-action";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";

const markReadInput = z.object({
  /** One notification, or "all" of the actor's unread ones. */
  id: z.union([z.literal("all"), z.uuid("errors.notFound")]),
});

export const markReadAction = action({ permission: "notification.read", input: markReadInput }, async ({ actor, input }) => {
  const changed = await markNotificationsRead(actor, input.id === "all" ? "all" : [input.id]);
  return { changed };
});
