"use server";

import { action } from "@/lib/http/server-action";
import { routingSettingsSchema } from "@/lib/routing/schemas";
import { updateRoutingSettings } from "@/lib/routing/weights";

export const updateRoutingSettingsAction = action({ permission: "routing.settings", input: routingSettingsSchema }, async ({ actor, input }) => {
  const saved = await updateRoutingSettings(actor, input);
  return saved;
});
