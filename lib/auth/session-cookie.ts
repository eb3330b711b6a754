import { encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { SESSION_IDLE_SECONDS } from "./sessions";

/**
 * A Set-Cookie value carrying a session as next-auth writes it (same name, token and lifetime),
 * for the one place that re-issues a cookie outside next-auth: a password change keeps its session.
 */
export async function sessionCookie(cookieName: string, session: { userId: string; role: string; sessionId: string }): Promise<string> {
  const value = await encode({
    token: { sub: session.userId, role: session.role, sid: session.sessionId },
    secret: env().NEXTAUTH_SECRET,
    maxAge: SESSION_IDLE_SECONDS,
  });
  const secure = cookieName.startsWith("__Secure-") ? "; Secure" : "";
  return `${cookieName}=${value}; Path=/; Max-Age=${SESSION_IDLE_SECONDS}; HttpOnly; SameSite=Lax${secure}`;
}
