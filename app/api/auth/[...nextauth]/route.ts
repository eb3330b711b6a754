// GET/POST /api/auth/* - next-auth's own sign-in, sign-out, csrf and session endpoints
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { AppError } from "@/lib/errors";
import { errorResponseBody, localeFromHeaders } from "@/lib/http/error-body";
import { jsonResponse } from "@/lib/http/json";
import { withBoundedBody } from "@/lib/http/read-body";

/** A sign-in form is a few hundred bytes. */
const AUTH_MAX_BODY_BYTES = 16 * 1024;

async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  let bounded: NextRequest;
  try {
    bounded = await withBoundedBody(request, AUTH_MAX_BODY_BYTES, () => new AppError("payload_too_large", "errors.payloadTooLarge"));
  } catch (error) {
    const { status, body } = errorResponseBody(error, localeFromHeaders(request.headers));
    return jsonResponse(body, status);
  }
  return (NextAuth(authOptions()) as (req: NextRequest, ctx: unknown) => Promise<Response>)(bounded, context);
}

export { handler as GET, handler as POST };
