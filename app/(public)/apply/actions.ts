"use server";

import { action } from "@/lib/http/server-action";
import { applyToJoin } from "@/lib/roster/apply-to-join";
import { applySchema } from "@/lib/roster/schemas";

export const applyAction = action({ permission: "public", input: applySchema }, async ({ input }) => {
  const { id, status } = await applyToJoin(input);
  return { id, status };
});
