// GET/POST /api/auth/* - next-auth's own sign-in, sign-out, csrf and session endpoints
import { handleNextAuth } from "@/lib/auth/next-auth-handler";

async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return handleNextAuth(request, (await context.params).nextauth);
}

export { handler as GET, handler as POST };
