/**
 * Playwright global setup: the services the app under test talks to, started once for the run —
 * a real SMTP server (mail-server.ts) and a real OpenID Connect provider (tests/support/oidc.ts).
 * playwright.config.ts points the app at both.
 */
import { startOidcProvider } from "../support/oidc";
import { startE2eMailServer } from "./mail-server";

export const E2E_OIDC = { clientId: "preflight-e2e", clientSecret: "preflight-e2e-oidc-client-secret" } as const;

export function e2eAppPort(): number {
  return Number(process.env.E2E_PORT ?? 3210);
}

export function e2eOidcPort(): number {
  return Number(process.env.E2E_OIDC_PORT ?? e2eAppPort() + 2000);
}

export default async function globalSetup() {
  const stopMail = await startE2eMailServer();
  const oidc = await startOidcProvider({
    port: e2eOidcPort(),
    redirectUri: `http://localhost:${e2eAppPort()}/api/auth/callback/oidc`,
    ...E2E_OIDC,
  });
  return async () => {
    await Promise.all([stopMail(), oidc.close()]);
  };
}
