/**
 * A real OpenID Connect provider for tests (the `oidc-provider` package, with its development
 * login and consent pages). The login typed on its sign-in page is the account: its email is that
 * login, verified unless the login starts with "unverified-".
 */
import type { Server } from "node:http";
import Provider from "oidc-provider";

export interface TestOidcProvider {
  issuer: string;
  close(): Promise<void>;
}

export async function startOidcProvider(options: {
  port: number;
  redirectUri: string;
  clientId: string;
  clientSecret: string;
}): Promise<TestOidcProvider> {
  const issuer = `http://localhost:${options.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The claims go into the ID token too (next-auth reads the profile from it).
    conformIdTokenClaims: false,
    cookies: { keys: ["preflight-test-oidc-cookie-key"] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: id.replace(/^unverified-/, ""),
            email_verified: !id.startsWith("unverified-"),
            name: `SSO ${id.split("@")[0]}`,
          };
        },
      };
    },
  });
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(options.port, () => resolve(s));
  });
  return { issuer, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
