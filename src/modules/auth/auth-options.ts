import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import Credentials from "next-auth/providers/credentials";
import { clientAddressFrom } from "@/lib/client-address";
import { env } from "@/lib/env";
import { createSession, endSession, SESSION_MAX_AGE_S } from "./sessions";
import { SSO_PROVIDER_ID, ssoEnabled, userForSso, verifiedSsoEmail, type SsoProfile } from "./sso";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { isAppError, toPublicError } from "@/lib/errors";
import { authenticate } from "./credentials";

// next-auth ships CommonJS: bundled by Next the default import is the function, loaded by Node
// (scripts run with tsx import this module through the auth entry) it is the module object.
const CredentialsProvider = (Credentials as unknown as { default?: typeof Credentials }).default ?? Credentials;

/**
 * Sessions are JWTs in a signed, encrypted, HTTP-only cookie carrying the user id and the id of
 * the user's `Session` row. Every request reads that row with the user (one primary-key lookup),
 * so signing out — which deletes it — ends the session at once on every server, and membership
 * and role are read fresh, so a removed member loses access at once.
 */
export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  // Secure, `__Secure-`-prefixed cookies whenever the public URL is https (next-auth's default,
  // stated here so it is not lost); HTTP-only and SameSite=Lax always.
  useSecureCookies: Boolean(env.NEXTAUTH_URL?.startsWith("https://")),
  // Errors (a refused single sign-on) are shown on the sign-in page, not next-auth's own.
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          const forwardedFor = (req?.headers as Record<string, string | undefined> | undefined)?.["x-forwarded-for"];
          return await authenticate(credentials ?? {}, { address: clientAddressFrom(forwardedFor) });
        } catch (error) {
          // next-auth passes a thrown message to the sign-in form.
          throw new Error(isAppError(error) ? error.message : toPublicError(error, "sign-in").message);
        }
      },
    }),
    ...(ssoEnabled() ? [ssoProvider()] : []),
  ],
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(token.sid);
    },
  },
  callbacks: {
    // Any callbackUrl next-auth is handed stays on this app (the default accepts `/\\evil`).
    redirect({ url, baseUrl }) {
      return new URL(safeRedirectPath(url, baseUrl, "/"), baseUrl).toString();
    },
    // At sign-in the session is recorded and its id goes into the cookie (`sid`); every request
    // checks that row (getSessionUser), so deleting it ends the session everywhere at once.
    // Single sign-on only with an address the provider says it verified (see sso.ts).
    signIn({ account, profile }) {
      if (account?.provider !== SSO_PROVIDER_ID) return true;
      return verifiedSsoEmail(profile as SsoProfile) ? true : "/signin?error=SsoEmailNotVerified";
    },
    async jwt({ token, user, account, profile }) {
      if (user) {
        const userId = account?.provider === SSO_PROVIDER_ID ? await userForSso(profile as SsoProfile) : user.id;
        token.sub = userId;
        token.sid = await createSession(userId);
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
};

/**
 * The OpenID Connect provider (next-auth's OAuth support with discovery, an ID token, PKCE and
 * state). The profile is mapped to a Preflight user in the jwt callback, by verified email.
 */
function ssoProvider(): OAuthConfig<SsoProfile & { sub: string }> {
  return {
    id: SSO_PROVIDER_ID,
    name: env.OIDC_NAME,
    type: "oauth",
    wellKnown: `${env.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile) {
      return {
        id: profile.sub,
        email: typeof profile.email === "string" ? profile.email : null,
        name: typeof profile.name === "string" ? profile.name : null,
      };
    },
  };
}
