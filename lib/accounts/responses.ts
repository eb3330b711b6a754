import { z } from "zod";
import { userRoles } from "@/lib/enums";
import { id } from "@/lib/http/wire";

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
