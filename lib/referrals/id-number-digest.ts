import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

// Server only (it reads the secret); the why is in ./id-number.ts.

/** The keyed digest kept to recognise the same person again (see the note at the top). */
export function idNumberDigest(normalized: string): string {
  const key = createHmac("sha256", env().NEXTAUTH_SECRET).update("id-number-digest:v1").digest();
  return createHmac("sha256", key).update(normalized).digest("hex");
}
