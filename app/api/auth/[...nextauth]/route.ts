// GET/POST /api/auth/* - next-auth's own sign-in, sign-out, csrf and session endpoints
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return (NextAuth(authOptions()) as (req: Request, ctx: unknown) => Promise<Response>)(request, context);
}

export { handler as GET, handler as POST };
