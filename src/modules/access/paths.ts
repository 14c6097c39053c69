/** The URL of a page inside an organisation: `orgPath("acme", "/pilots")` → `/o/acme/pilots`. */
export function orgPath(slug: string, path = "/dashboard"): string {
  return `/o/${slug}${path.startsWith("/") ? path : `/${path}`}`;
}

/** The JSON API of an organisation: `orgApi("acme", "/pilots")` → `/api/o/acme/pilots`. */
export function orgApi(slug: string, path: string): string {
  return `/api/o/${slug}${path.startsWith("/") ? path : `/${path}`}`;
}

/** The cookie that remembers which organisation was used last (its slug, nothing more). */
export const LAST_ORG_COOKIE = "preflight-last-org";

/** Slugs are lower-case words joined by hyphens; anything else cannot name an organisation. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
