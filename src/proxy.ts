import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, servedOverHttps, STRICT_TRANSPORT_SECURITY } from "@/lib/security-headers";
import { LAST_ORG_COOKIE, SLUG_PATTERN } from "@/modules/access/shared";

/**
 * Runs before every page and route:
 * - a Content-Security-Policy with a fresh nonce per request, passed to the page through the
 *   request headers (`x-nonce`, and the policy itself, from which Next takes the nonce for its
 *   scripts); HSTS once the app is served over https;
 * - a convenience only, not the access check (every page, action and route handler checks the
 *   session and membership itself): visitors without a session cookie go to sign in first, with
 *   the page to come back to;
 * - on /o/{slug}/… it remembers the slug as the last-used organisation, so `/` and the old
 *   unprefixed paths can return there. The cookie names an organisation and grants nothing.
 */
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const SIGNED_IN_ONLY = /^\/(?:o|dashboard|pilots|settings)(?:\/|$)|^\/account$/;
const YEAR = 60 * 60 * 24 * 365;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = servedOverHttps(env.NEXTAUTH_URL, request.nextUrl.protocol);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = contentSecurityPolicy(nonce, { development: env.NODE_ENV === "development" });

  let response: NextResponse;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && SIGNED_IN_ONLY.test(pathname)) {
    const url = new URL("/signin", request.url);
    url.searchParams.set("callbackUrl", pathname + search);
    response = NextResponse.redirect(url);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    const slug = pathname.startsWith("/o/") ? pathname.split("/")[2] : undefined;
    // A prefetch is not a visit: a link prefetched from one organisation's page can land after
    // the person has moved on to another, and must not make the first one "last used" again.
    const prefetch =
      request.headers.has("next-router-prefetch") ||
      /prefetch/i.test(request.headers.get("purpose") ?? request.headers.get("sec-purpose") ?? "");
    if (slug && !prefetch && SLUG_PATTERN.test(slug) && request.cookies.get(LAST_ORG_COOKIE)?.value !== slug) {
      response.cookies.set(LAST_ORG_COOKIE, slug, {
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        maxAge: YEAR,
        secure: https,
      });
    }
  }
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Everything but Next's static files (hashed, and carry no page).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
