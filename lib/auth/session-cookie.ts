import { encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { SESSION_IDLE_SECONDS } from "./sessions";

export interface SessionCookie {
  name: string;
  value: string;
  options: { path: "/"; maxAge: number; httpOnly: true; sameSite: "lax"; secure: boolean };
}

/**
 * A session cookie as next-auth writes it (same name, token and lifetime), for the one place that
 * re-issues one outside next-auth: a password change keeps the session that made it.
 */
export async function sessionCookie(cookieName: string, session: { userId: string; role: string; sessionId: string }): Promise<SessionCookie> {
  const value = await encode({
    token: { sub: session.userId, role: session.role, sid: session.sessionId },
    secret: env().NEXTAUTH_SECRET,
    maxAge: SESSION_IDLE_SECONDS,
  });
  return {
    name: cookieName,
    value,
    options: { path: "/", maxAge: SESSION_IDLE_SECONDS, httpOnly: true, sameSite: "lax", secure: cookieName.startsWith("__Secure-") },
  };
}

/** The cookie as a Set-Cookie header value. */
export function setCookieHeader({ name, value, options }: SessionCookie): string {
  return `${name}=${value}; Path=${options.path}; Max-Age=${options.maxAge}; HttpOnly; SameSite=Lax${options.secure ? "; Secure" : ""}`;
}
