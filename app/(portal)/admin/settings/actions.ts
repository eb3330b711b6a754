"use server";

import { action } from "@/lib/http/server-action";
import { categorySpecialtiesSchema, updateCategorySpecialties } from "@/lib/routing/category-specialties";
import { routingSettingsSchema } from "@/lib/routing/schemas";
import { updateRoutingSettings } from "@/lib/routing/weights";
import { serviceLevelsSchema } from "@/lib/timeliness/schemas";
import { updateServiceLevels } from "@/lib/timeliness/service-levels";

export const updateRoutingSettingsAction = action({ permission: "routing.settings", input: routingSettingsSchema }, async ({ actor, input }) => {
  const saved = await updateRoutingSettings(actor, input);
  return saved;
});

export const updateCategorySpecialtiesAction = action(
  { permission: "routing.settings", input: categorySpecialtiesSchema },
  async ({ actor, input }) => {
    const saved = await updateCategorySpecialties(actor, input);
    return saved;
  },
);

export const updateServiceLevelsAction = action({ permission: "serviceLevels.write", input: serviceLevelsSchema }, async ({ actor, input }) => {
  const saved = await updateServiceLevels(actor, input);
  return saved;
});
