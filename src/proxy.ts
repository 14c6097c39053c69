import { NextResponse, type NextRequest } from "next/server";

/**
 * A convenience only: sends visitors without a session cookie to sign in before rendering.
 * It is not the access check; every page, action and route handler checks the session and
 * membership itself.
 */
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = new URL("/signin", request.url);
  url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/dashboard/:path*", "/pilots/:path*", "/settings/:path*"] };
