import { NextResponse, type NextRequest } from "next/server";

// Convenience only: signed-out visitors to portal pages go to the sign-in page. The security
// boundary is lib/ (every page, action and route asks it who the actor is and what they may do).
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/portal/:path*", "/requests/:path*", "/offers/:path*", "/cases/:path*", "/profile/:path*", "/admin/:path*", "/inbox/:path*"],
};
