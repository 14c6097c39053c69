import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getSessionUser, resolveOrgContext, type OrgContext, type SessionUser } from "./context";
import { idsAreWellFormed } from "./doors";
import { LAST_ORG_COOKIE, orgPath } from "./paths";
import { can, type Permission } from "./roles";

/**
 * The door for pages under /o/{org}: signed-out visitors go to sign in; a slug the user is
 * not a member of is "not found" (404), exactly like a slug that does not exist. `allowed`
 * says whether the role has the permission, so the page can show a notice instead.
 */
export async function orgPage(
  params: Promise<{ org: string }>,
  permission: Permission = "org:read",
): Promise<OrgContext & { allowed: boolean }> {
  const all = await params;
  const { org } = all;
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/o/${org}/dashboard`)}`);
  const ctx = resolveOrgContext(user, org);
  if (!ctx || !idsAreWellFormed(all)) notFound();
  return { ...ctx, allowed: can(ctx.role, permission) };
}

/** The door for signed-in pages outside an organisation (home, welcome). */
export async function userPage(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  return user;
}

/**
 * Where `/`, the old unprefixed paths and sign-in lead: `path` inside the organisation the
 * user used last (the cookie remembers which one, and grants nothing: membership is checked
 * again on arrival), else their first one; /welcome when they belong to none.
 */
export async function redirectToLastOrg(path = "/dashboard"): Promise<never> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (user.memberships.length === 0) redirect("/welcome");
  const last = (await cookies()).get(LAST_ORG_COOKIE)?.value;
  const target = user.memberships.find((m) => m.organizationSlug === last) ?? user.memberships[0]!;
  redirect(orgPath(target.organizationSlug, path));
}

/** Rebuilds `/pilots/x?stage=PILOT` from a catch-all page's segments and query. */
export function legacyPath(
  prefix: string,
  rest: string[] | undefined,
  query: Record<string, string | string[] | undefined>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) search.append(key, v);
  }
  const path = [prefix, ...(rest ?? []).map(encodeURIComponent)].join("/");
  return search.size > 0 ? `${path}?${search}` : path;
}
