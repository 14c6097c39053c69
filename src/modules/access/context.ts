import "server-only";
import { cache } from "react";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { readSessionUserId } from "./session";
import type { Actor } from "./roles";

export interface MembershipSummary {
  organizationId: string;
  organizationSlug: string;
  organizationName: string;
  role: Role;
}

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  memberships: (MembershipSummary & { currency: string })[];
}

/** Who is asking, in which organisation: the input to every tenant-scoped service call. */
export interface OrgContext extends Actor {
  userName: string;
  userEmail: string;
  organizationSlug: string;
  organizationName: string;
  currency: string;
  memberships: MembershipSummary[];
}

/** The signed-in user and their memberships, once per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const userId = await readSessionUserId();
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      memberships: {
        select: { role: true, organization: { select: { id: true, slug: true, name: true, currency: true } } },
        orderBy: { organization: { name: "asc" } },
      },
    },
  });
  if (!user) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    memberships: user.memberships.map((m) => ({
      organizationId: m.organization.id,
      organizationSlug: m.organization.slug,
      organizationName: m.organization.name,
      currency: m.organization.currency,
      role: m.role,
    })),
  };
});

/**
 * The user's context in the organisation named by `slug` (from the URL), or null when the
 * user is not a member: the caller answers that as "not found", exactly like an unknown slug.
 */
export function resolveOrgContext(user: SessionUser, slug: string): OrgContext | null {
  const membership = user.memberships.find((m) => m.organizationSlug === slug);
  if (!membership) return null;
  return {
    userId: user.id,
    userName: user.name,
    userEmail: user.email,
    organizationId: membership.organizationId,
    organizationSlug: membership.organizationSlug,
    organizationName: membership.organizationName,
    currency: membership.currency,
    role: membership.role,
    memberships: user.memberships.map(({ currency: _currency, ...m }) => m),
  };
}
