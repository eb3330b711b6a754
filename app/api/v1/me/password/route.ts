// POST /api/v1/me/password - any signed-in user: { currentPassword, newPassword } -> 204; every other session of the account ends
import { changePassword } from "@/lib/accounts/change-password";
import { changePasswordSchema } from "@/lib/accounts/schemas";
import { sessionFromHeaders } from "@/lib/auth/actor";
import { clientAddress } from "@/lib/auth/client-address";
import { sessionCookie, setCookieHeader } from "@/lib/auth/session-cookie";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(
  { permission: "me.changePassword", body: changePasswordSchema, status: 204, errors: ["rate_limited"] },
  async ({ request, actor, body }) => {
    const viaCookie = !request.headers.get("authorization")?.toLowerCase().startsWith("bearer ");
    const session = viaCookie ? await sessionFromHeaders(request.headers) : null;
    const { sessionId } = await changePassword(actor, body, { address: clientAddress(request.headers), keepSession: session !== null });
    const response = new Response(null, { status: 204 });
    if (session && sessionId) {
      const cookie = await sessionCookie(session.cookieName, { userId: actor.userId, role: actor.role, sessionId });
      response.headers.append("set-cookie", setCookieHeader(cookie));
    }
    return response;
  },
);
