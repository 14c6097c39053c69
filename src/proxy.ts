import { NextResponse, type NextRequest } from "next/server";
import { LAST_ORG_COOKIE, SLUG_PATTERN } from "@/modules/access/shared";

/**
 * A convenience only, not the access check (every page, action and route handler checks the
 * session and membership itself):
 * - visitors without a session cookie go to sign in first, with the page to come back to;
 * - on /o/{slug}/… it remembers the slug as the last-used organisation, so `/` and the old
 *   unprefixed paths can return there. The cookie names an organisation and grants nothing.
 */
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const YEAR = 60 * 60 * 24 * 365;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession) {
    const url = new URL("/signin", request.url);
    url.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(url);
  }
  const response = NextResponse.next();
  const slug = pathname.startsWith("/o/") ? pathname.split("/")[2] : undefined;
  if (slug && SLUG_PATTERN.test(slug) && request.cookies.get(LAST_ORG_COOKIE)?.value !== slug) {
    response.cookies.set(LAST_ORG_COOKIE, slug, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: YEAR,
      secure: request.nextUrl.protocol === "https:",
    });
  }
  return response;
}

export const config = {
  matcher: ["/o/:path*", "/dashboard/:path*", "/pilots/:path*", "/settings/:path*", "/account"],
};
