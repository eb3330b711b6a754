"use server";

import { action } from "@/lib/http/server-action";
import { applyToJoin } from "@/lib/roster/apply-to-join";
import { applyFormSchema } from "@/lib/roster/schemas";

export const applyAction = action({ permission: "public", input: applyFormSchema }, async ({ input }) => {
  const { id, status } = await applyToJoin(input);
  return { id, status };
});
