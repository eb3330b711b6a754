"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/server-action";
import { addConflict, removeConflict } from "@/lib/roster/conflicts";
import { conflictIdSchema, conflictSchema, updateProfileSchema } from "@/lib/roster/schemas";
import { updateOwnProfile } from "@/lib/roster/update-profile";

export const updateProfileAction = action({ permission: "expert.updateOwnProfile", input: updateProfileSchema }, async ({ actor, input }) => {
  const result = await updateOwnProfile(actor, input);
  revalidatePath("/profile");
  return result;
});

export const addConflictAction = action({ permission: "expert.updateOwnProfile", input: conflictSchema }, async ({ actor, input }) => {
  const result = await addConflict(actor, input);
  revalidatePath("/profile");
  return result;
});

export const removeConflictAction = action({ permission: "expert.updateOwnProfile", input: conflictIdSchema }, async ({ actor, input }) => {
  const result = await removeConflict(actor, input.id);
  revalidatePath("/profile");
  return result;
});
