import { defineConfig, devices } from "@playwright/test";

// End-to-end tests drive the production build (`npm start`, which builds when needed) in
// Debian's Chromium, on a fresh embedded database of their own.
// E2E_PORT lets a second checkout run its suite beside this one.
const PORT = Number(process.env.E2E_PORT ?? 3210);
// The test's own SMTP server (tests/e2e/mail-server.ts) listens here; the app sends to it.
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? PORT + 1000);
// …and its own OpenID Connect provider (tests/e2e/global-setup.ts) here.
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? PORT + 2000);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://localhost:${PORT}`,
    // Writes to the JSON API must carry the app's Origin (CSRF check in orgRoute). A browser's
    // fetch sends it by itself; Playwright's API client (page.request) is not a browser and
    // would send none, so it sends the app's own, as a page of the app would.
    extraHTTPHeaders: { Origin: `http://localhost:${PORT}` },
    trace: "on-first-retry",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "rm -rf .e2e-data && npm start",
    url: `http://localhost:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      PREFLIGHT_DATA_DIR: ".e2e-data",
      PREFLIGHT_DEMO_DATA: "true",
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      MAIL_FROM: "Preflight <no-reply@preflight.test>",
      OIDC_ISSUER: `http://localhost:${OIDC_PORT}`,
      OIDC_CLIENT_ID: "preflight-e2e",
      OIDC_CLIENT_SECRET: "preflight-e2e-oidc-client-secret",
      OIDC_NAME: "Test SSO",
    },
  },
});
