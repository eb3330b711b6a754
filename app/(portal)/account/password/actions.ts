"use server";

import { cookies, headers } from "next/headers";
import { changePassword } from "@/lib/accounts/change-password";
import { changePasswordSchema } from "@/lib/accounts/schemas";
import { sessionFromHeaders } from "@/lib/auth/actor";
import { clientAddress } from "@/lib/auth/client-address";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { action } from "@/lib/http/server-action";

/** Changes the signed-in user's password; this browser stays signed in with a re-issued cookie. */
export const changePasswordAction = action({ permission: "me.changePassword", input: changePasswordSchema }, async ({ actor, input }) => {
  const requestHeaders = await headers();
  const session = await sessionFromHeaders(requestHeaders);
  const { sessionId } = await changePassword(actor, input, { address: clientAddress(requestHeaders), keepSession: session !== null });
  if (session && sessionId) {
    const { name, value, options } = await sessionCookie(session.cookieName, { userId: actor.userId, role: actor.role, sessionId });
    (await cookies()).set(name, value, options);
  }
});
