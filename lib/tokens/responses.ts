import { z } from "zod";
import { id, timestamp } from "@/lib/http/wire";
import { permissionNames } from "./schemas";

// The answers of the token routes, as they are on the wire. A token's secret is in the issuing answer only.

const scopes = z.array(z.enum(permissionNames));
/** `userId`: the account the token acts as (the issuer's own, or an integration account). */
const token = { id, name: z.string(), prefix: z.string(), userId: id, scopes, createdAt: timestamp, expiresAt: timestamp.nullable() };

export const tokenListResponse = z.strictObject({
  items: z.array(
    z.strictObject({
      ...token,
      userEmail: z.string(),
      userName: z.string(),
      /** The account is a partner system's (users.integration). */
      integration: z.boolean(),
      /** A disabled account's tokens do not work. */
      userDisabled: z.boolean(),
      issuerId: id,
      issuerEmail: z.string(),
      issuerName: z.string(),
      /** A token for an integration account keeps working when its issuer is disabled; a token for the issuer does not. */
      issuerDisabled: z.boolean(),
      lastUsedAt: timestamp.nullable(),
      revokedAt: timestamp.nullable(),
      status: z.enum(["active", "expired", "revoked"]),
    }),
  ),
});

export const issuedTokenResponse = z.strictObject({ ...token, token: z.string() });
export const revokedTokenResponse = z.strictObject({ id, revokedAt: timestamp });
