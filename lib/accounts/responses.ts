import { z } from "zod";
import { userRoles } from "@/lib/enums";
import { id, windowPageOf } from "@/lib/http/wire";

// The answers of the account routes, as they are on the wire.

/** The signed-in caller; the ids of their expert profile, company or station when they have one. */
export const meResponse = z.strictObject({
  userId: id,
  role: z.enum(userRoles),
  email: z.string(),
  name: z.string(),
  expertId: id.optional(),
  enterpriseId: id.optional(),
  stationId: id.optional(),
});

export const registeredEnterpriseResponse = z.strictObject({ enterpriseId: id, userId: id });

/** An account as an admin sees it in the list (GET /api/v1/users). */
export const userListItem = z.strictObject({
  userId: id,
  email: z.string(),
  name: z.string(),
  role: z.enum(userRoles),
  regionScope: z.string().nullable(),
  stationId: id.nullable(),
  enterpriseId: id.nullable(),
  expertId: id.nullable(),
  integration: z.boolean(),
  disabled: z.boolean(),
});
export const userListResponse = windowPageOf(userListItem);

export const createdUserResponse = z.strictObject({ userId: id });

/** After a disable or an enable. */
export const accountStateResponse = z.strictObject({ userId: id, disabled: z.boolean() });
