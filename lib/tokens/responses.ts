import { z } from "zod";
import { id, timestamp } from "@/lib/http/wire";
import { permissionNames } from "./schemas";

// The answers of the token routes, as they are on the wire. A token's secret is in the issuing answer only.

const scopes = z.array(z.enum(permissionNames));
const token = { id, name: z.string(), prefix: z.string(), scopes, createdAt: timestamp, expiresAt: timestamp.nullable() };

export const tokenListResponse = z.strictObject({
  items: z.array(
    z.strictObject({
      ...token,
      userEmail: z.string(),
      lastUsedAt: timestamp.nullable(),
      revokedAt: timestamp.nullable(),
      status: z.enum(["active", "expired", "revoked"]),
    }),
  ),
});

export const issuedTokenResponse = z.strictObject({ ...token, token: z.string() });
export const revokedTokenResponse = z.strictObject({ id, revokedAt: timestamp });
