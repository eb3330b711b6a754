import { z } from "zod";
import { id } from "@/lib/http/wire";

// The answers of the company routes, as they are on the wire.

export const memberStatuses = ["invited", "active"] as const;
export type MemberStatus = (typeof memberStatuses)[number];

/** A colleague: "invited" until they have set a password through their invitation link. */
export const memberResponse = z.strictObject({ userId: id, email: z.string(), name: z.string(), status: z.enum(memberStatuses) });

export const membersResponse = z.strictObject({ items: z.array(memberResponse) });

/** The company after an admin's decision; on approval it holds its credit code and the walk-in requests filed under it. */
export const verificationResponse = z.strictObject({
  enterpriseId: id,
  verification: z.enum(["verified", "refused"]),
  creditCode: z.string().nullable(),
  requestsJoined: z.number().int().min(0),
});
