/**
 * Where to send someone after sign-in (or any redirect whose target came from input): the
 * target is resolved the way a browser resolves it — WHATWG URL parsing, which treats `\` like
 * `/` and drops tabs and newlines — against the app's own origin, and kept only when it stays on
 * that origin. What is returned is a path (`/…`), never a scheme or host, and never starts with
 * `//` or `/\`, so it cannot be read as another host when used as a Location or by the router.
 * Pure: the sign-in form (browser) and next-auth's redirect callback (server) share it.
 */
export function safeRedirectPath(raw: unknown, origin: string, fallback = "/"): string {
  if (typeof raw !== "string" || raw.trim() === "" || raw.length > 2000) return fallback;
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin || (target.protocol !== "http:" && target.protocol !== "https:")) return fallback;
  // "/.//evil" resolves to the path "//evil" on our origin: harmless as a URL, but a protocol-
  // relative reference once written into a Location header. Collapse the leading slashes.
  const path = target.pathname.replace(/^[/\\]+/, "/");
  return `${path}${target.search}${target.hash}`;
}
