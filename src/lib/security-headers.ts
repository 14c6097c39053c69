/**
 * The Content-Security-Policy for one page response, with that request's nonce. Pure, so the
 * policy is tested without a server; src/proxy.ts sets it on every page.
 *
 * - Scripts: only those carrying the nonce (Next adds it to its own scripts when it finds the
 *   policy on the request) and what they load ('strict-dynamic'); no inline handlers, no eval
 *   outside development (React's dev build needs it).
 * - Styles: 'self' and 'unsafe-inline'. Tailwind ships a stylesheet, but Recharts, Radix and
 *   sonner set inline `style` attributes, which a nonce cannot cover. Inline styles cannot run
 *   code; the cost is that injected CSS could restyle a page.
 * - frame-ancestors 'none': no one may frame the app (clickjacking); form-action and base-uri
 *   'self'; no plugins.
 */
export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** HSTS for two years, once the app is known to be served over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** Whether the app is served over https: its public URL says so, or this request came over TLS. */
export function servedOverHttps(publicUrl: string | undefined, requestProtocol: string): boolean {
  return requestProtocol === "https:" || Boolean(publicUrl?.startsWith("https://"));
}

/**
 * Whether a state-changing request came from a page of this app: its `Origin` header (which
 * browsers send with every POST, PUT, PATCH and DELETE, and which a page cannot forge) names one
 * of `allowed`. A missing Origin is refused too: a cookie-authenticated write has no business
 * arriving without one.
 */
export function isSameOrigin(originHeader: string | null, allowed: readonly string[]): boolean {
  if (!originHeader || originHeader === "null") return false;
  let origin: string;
  try {
    origin = new URL(originHeader).origin;
  } catch {
    return false;
  }
  return allowed.some((a) => {
    try {
      return new URL(a).origin === origin;
    } catch {
      return false;
    }
  });
}
