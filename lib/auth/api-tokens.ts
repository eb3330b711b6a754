import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "clcr_";

/** A new bearer secret: shown once, stored only as its hash. */
export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(24).toString("base64url");
}

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
