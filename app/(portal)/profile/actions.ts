"use server";

import { action } from "@/lib/http/server-action";
import { addConflict, removeConflict } from "@/lib/roster/conflicts";
import { conflictIdSchema, conflictSchema, updateProfileSchema } from "@/lib/roster/schemas";
import { updateOwnProfile } from "@/lib/roster/update-own-profile";

export const updateProfileAction = action({ permission: "expert.updateOwnProfile", input: updateProfileSchema }, ({ actor, input }) =>
  updateOwnProfile(actor, input),
);

export const addConflictAction = action({ permission: "expert.updateOwnProfile", input: conflictSchema }, ({ actor, input }) =>
  addConflict(actor, input),
);

export const removeConflictAction = action({ permission: "expert.updateOwnProfile", input: conflictIdSchema }, ({ actor, input }) =>
  removeConflict(actor, input.id),
);
