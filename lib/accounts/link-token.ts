import { createHmac, timingSafeEqual } from "node:crypto";
import type { PasswordLinkPurpose } from "@/lib/enums";
import { env } from "@/lib/env";

/** What a set-password link's MAC covers: the row, what it is for and whose it is. */
export interface LinkFacts {
  id: string;
  purpose: PasswordLinkPurpose;
  userId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function macOf(link: LinkFacts): string {
  return createHmac("sha256", env().NEXTAUTH_SECRET).update(`${link.id}.${link.purpose}.${link.userId}`).digest("base64url");
}

/**
 * The token a set-password link carries, `<id>.<mac>`: only this server can make it, and neither
 * the database nor the mail job holds it (both recompute it from the row).
 */
export function linkToken(link: LinkFacts): string {
  return `${link.id}.${macOf(link)}`;
}

/** The link id a token names, or null when it is not shaped like a token (checked before any lookup). */
export function linkIdOf(token: string): string | null {
  const [id, mac, ...rest] = token.split(".");
  return id && mac && !rest.length && UUID.test(id) ? id : null;
}

/** Whether the token was made by this server for this link (the MAC compared in constant time). */
export function isTokenFor(token: string, link: LinkFacts): boolean {
  const given = Buffer.from(token);
  const expected = Buffer.from(linkToken(link));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
