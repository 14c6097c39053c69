import "server-only";
import { cache } from "react";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { readSessionClaims } from "./session";
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
  /** The session this request belongs to (sign out, "sign out everywhere else"). */
  sessionId: string;
  /** Whether the user confirmed their email address (by its link, or by accepting an invitation). */
  emailVerified: boolean;
  memberships: (MembershipSummary & { currency: string })[];
}

/** Who is asking, in which organisation: the input to every tenant-scoped service call. */
export interface OrgContext extends Actor {
  userName: string;
  userEmail: string;
  userEmailVerified: boolean;
  organizationSlug: string;
  organizationName: string;
  currency: string;
  memberships: MembershipSummary[];
}

/**
 * The signed-in user and their memberships, once per request. The session row is looked up by
 * its primary key in the same query as the user: a signed-out (deleted) or expired session, or
 * a cookie whose session belongs to someone else, is nobody.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  const session = await db.session.findUnique({
    where: { id: claims.sessionId },
    select: {
      userId: true,
      expiresAt: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          emailVerifiedAt: true,
          memberships: {
            select: { role: true, organization: { select: { id: true, slug: true, name: true, currency: true } } },
            orderBy: { organization: { name: "asc" } },
          },
        },
      },
    },
  });
  if (!session || session.userId !== claims.userId || session.expiresAt <= new Date()) return null;
  const { user } = session;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    sessionId: claims.sessionId,
    emailVerified: user.emailVerifiedAt !== null,
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
    userEmailVerified: user.emailVerified,
    organizationId: membership.organizationId,
    organizationSlug: membership.organizationSlug,
    organizationName: membership.organizationName,
    currency: membership.currency,
    role: membership.role,
    memberships: user.memberships.map(({ currency: _currency, ...m }) => m),
  };
}
