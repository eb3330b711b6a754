import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { loadActor } from "./actor";
import { clientAddress } from "./client-address";
import { verifyCredentials } from "./credentials";
import { safeRedirectPath } from "./safe-redirect";
import { endSession, isUuid, SESSION_IDLE_SECONDS, startSession } from "./sessions";

/** Thrown when a cookie's session is over; next-auth then clears the cookie instead of renewing it. */
class SessionEndedError extends Error {
  constructor() {
    super("session ended");
    this.name = "SessionEndedError";
  }
}

/** next-auth's message to the sign-in form for a refused attempt; the form turns it into words. */
function signInRefusal(error: AppError): string {
  return error.messageKey === "auth.busy" ? "busy" : `locked:${error.options.params?.minutes ?? 15}`;
}

/**
 * next-auth 4: credentials sign-in, JWT sessions carrying the user id, role and the id of the
 * session's row (`sid`). The row is made at sign-in, ended at sign-out, and checked whenever the
 * cookie is renewed (here) or a request is served (lib/auth/actor.ts), with the account's state.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
    jwt: { maxAge: SESSION_IDLE_SECONDS },
    pages: { signIn: "/login", signOut: "/logout", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const email = typeof credentials?.email === "string" ? credentials.email : "";
          const password = typeof credentials?.password === "string" ? credentials.password : "";
          if (!email || !password || email.length > 254 || password.length > 200) return null;
          try {
            const user = await verifyCredentials(email, password, clientAddress(req?.headers));
            return user ? { id: user.id, role: user.role } : null;
          } catch (error) {
            if (error instanceof AppError && error.code === "rate_limited") throw new Error(signInRefusal(error));
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          return { sub: user.id, role: (user as { role?: string }).role, sid: await startSession(user.id) };
        }
        // Renewal: only a live session of an enabled account gets a fresh cookie.
        if (!isUuid(token.sub) || !isUuid(token.sid) || !(await loadActor(token.sub, token.sid))) throw new SessionEndedError();
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { id: token.sub, role: token.role } } as typeof session;
      },
      redirect({ url, baseUrl }) {
        return baseUrl + safeRedirectPath(url, baseUrl, "/");
      },
    },
    events: {
      async signOut({ token }) {
        await endSession(token?.sid);
      },
    },
    logger: {
      error(code, metadata) {
        if (metadata instanceof SessionEndedError) return;
        // Only the error: the rest of what next-auth passes may hold what a user typed.
        const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
        log().error({ err: error, code }, `next-auth: ${code}`);
      },
    },
  };
}
