import "server-only";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { isAppError, toPublicError } from "@/lib/errors";
import { authenticate } from "./credentials";

// next-auth ships CommonJS: bundled by Next the default import is the function, loaded by Node
// (scripts run with tsx import this module through the auth entry) it is the module object.
const CredentialsProvider =
  (Credentials as unknown as { default?: typeof Credentials }).default ?? Credentials;

/**
 * Sessions are JWTs in a signed, encrypted, HTTP-only cookie, so any web server can
 * check them without shared memory. The token carries only the user id: membership and
 * role are read from the database on every request, so a removed member loses access at once.
 */
export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        try {
          return await authenticate(credentials ?? {});
        } catch (error) {
          // next-auth passes a thrown message to the sign-in form.
          throw new Error(isAppError(error) ? error.message : toPublicError(error, "sign-in").message);
        }
      },
    }),
  ],
  callbacks: {
    // Any callbackUrl next-auth is handed stays on this app (the default accepts `/\\evil`).
    redirect({ url, baseUrl }) {
      return new URL(safeRedirectPath(url, baseUrl, "/"), baseUrl).toString();
    },
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
};
