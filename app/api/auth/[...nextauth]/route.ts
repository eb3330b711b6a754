// GET/POST /api/auth/* - next-auth's own sign-in, sign-out, csrf and session endpoints
import { handleNextAuth } from "@/lib/auth/next-auth-handler";
import { AppError } from "@/lib/errors";
import { errorResponseBody, localeFromHeaders } from "@/lib/http/error-body";
import { jsonResponse } from "@/lib/http/json";
import { withBoundedBody } from "@/lib/http/read-body";

/** A sign-in form is a few hundred bytes. */
const AUTH_MAX_BODY_BYTES = 16 * 1024;

async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  let bounded: Request;
  try {
    bounded = await withBoundedBody(request, AUTH_MAX_BODY_BYTES, () => new AppError("payload_too_large", "errors.payloadTooLarge"));
  } catch (error) {
    const { status, body } = errorResponseBody(error, localeFromHeaders(request.headers));
    return jsonResponse(body, status);
  }
  return handleNextAuth(bounded, (await context.params).nextauth);
}

export { handler as GET, handler as POST };
