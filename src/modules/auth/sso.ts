import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** Whether single sign-on is configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET). */
export const ssoEnabled = (): boolean => Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);

export const SSO_PROVIDER_ID = "oidc";

export interface SsoProfile {
  sub?: unknown;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
}

/** The provider vouches for this address: only then may it sign anyone in. */
export function verifiedSsoEmail(profile: SsoProfile | undefined): string | null {
  if (!profile || profile.email_verified !== true || typeof profile.email !== "string") return null;
  const email = profile.email.trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+$/.test(email) && email.length <= 254 ? email : null;
}

/**
 * The Preflight user a single sign-on stands for, found or created by the *verified* email the
 * provider vouches for (never by its name or subject alone). An existing account is linked:
 * - already confirmed: it simply signs in;
 * - not confirmed (anyone could have signed up with that address): the provider has just proved
 *   who owns the mailbox, so the account becomes theirs — confirmed, its password removed and its
 *   sessions ended, so whoever registered it without owning the address is out.
 * A new user gets an account without a password (they sign in through the provider, or choose a
 * password with "Forgot password?").
 */
export async function userForSso(profile: SsoProfile): Promise<string> {
  const email = verifiedSsoEmail(profile);
  if (!email) throw new Error("single sign-on without a verified email");
  const name =
    typeof profile.name === "string" && profile.name.trim() ? profile.name.trim().slice(0, 120) : email.split("@")[0]!;
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, emailVerifiedAt: true } });
    if (existing?.emailVerifiedAt) return existing.id;
    if (existing) {
      await tx.session.deleteMany({ where: { userId: existing.id } });
      await tx.user.update({
        where: { id: existing.id },
        data: { emailVerifiedAt: new Date(), passwordHash: null },
      });
      return existing.id;
    }
    const created = await tx.user.create({ data: { email, name, emailVerifiedAt: new Date() }, select: { id: true } });
    return created.id;
  });
}
