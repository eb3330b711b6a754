import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { isHttps, newNonce, pageContentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
const PORTAL_PATHS = /^\/(portal|requests|offers|cases|profile|admin|inbox|account|company|rota|duty)(\/|$)/;

// Convenience only: signed-out visitors to portal pages go to the sign-in page. The security
// boundary is lib/ (every page, action and route asks it who the actor is and what they may do).
function signInRedirect(request: NextRequest): NextResponse | null {
  if (!PORTAL_PATHS.test(request.nextUrl.pathname)) return null;
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return null;
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

/**
 * Every page gets a Content-Security-Policy with a nonce of its own. The policy is set on the
 * request as well, where Next.js reads the nonce to put it on its scripts while rendering.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy(nonce, env().NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = signInRedirect(request) ?? NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (isHttps(request.nextUrl, request.headers)) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Pages only: API routes answer JSON or files and set their own policy where they need one
  // (an attachment download is sandboxed); static assets need none.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
