/** Environment for the db test project (vitest.config.ts passes it as `test.env`). */
export const TEST_NEXTAUTH_SECRET = "preflight-test-secret-0123456789-abcdefghijklmnop";

export const dbTestEnv = { NEXTAUTH_SECRET: TEST_NEXTAUTH_SECRET };
