import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { authOptions } from "@/modules/auth/auth-options";
import { can, type Permission } from "./roles";

export const ACTIVE_ORG_COOKIE = "preflight-org";

export interface MembershipSummary {
  organizationId: string;
  organizationName: string;
  role: Role;
}

/** Who is asking, and for which organisation: the input to every tenant-scoped service call. */
export interface OrgContext {
  userId: string;
  userName: string;
  userEmail: string;
  organizationId: string;
  organizationName: string;
  currency: string;
  role: Role;
  memberships: MembershipSummary[];
}

const loadUser = cache(async () => {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  if (!userId) return null;
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      memberships: {
        select: { role: true, organization: { select: { id: true, name: true, currency: true } } },
        orderBy: { organization: { name: "asc" } },
      },
    },
  });
});

/** The signed-in user's context in their active organisation; null when signed out. */
export const getOrgContext = cache(async (): Promise<OrgContext | null | "no-organization"> => {
  const user = await loadUser();
  if (!user) return null;
  if (user.memberships.length === 0) return "no-organization";
  const wanted = (await cookies()).get(ACTIVE_ORG_COOKIE)?.value;
  const active = user.memberships.find((m) => m.organization.id === wanted) ?? user.memberships[0]!;
  return {
    userId: user.id,
    userName: user.name,
    userEmail: user.email,
    organizationId: active.organization.id,
    organizationName: active.organization.name,
    currency: active.organization.currency,
    role: active.role,
    memberships: user.memberships.map((m) => ({
      organizationId: m.organization.id,
      organizationName: m.organization.name,
      role: m.role,
    })),
  };
});

export const getSignedInUser = loadUser;

/** For pages: sends the signed-out to sign in; the caller renders a notice when `allowed` is false. */
export async function requirePageContext(
  permission: Permission = "org:read",
): Promise<OrgContext & { allowed: boolean }> {
  const ctx = await getOrgContext();
  if (ctx === null) redirect("/signin");
  if (ctx === "no-organization") redirect("/welcome");
  return { ...ctx, allowed: can(ctx.role, permission) };
}

/** For server actions and route handlers: throws 401/403 as AppError. */
export async function requireContext(permission: Permission = "org:read"): Promise<OrgContext> {
  const ctx = await getOrgContext();
  if (ctx === null || ctx === "no-organization") {
    throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  }
  if (!can(ctx.role, permission)) throw forbidden();
  return ctx;
}
