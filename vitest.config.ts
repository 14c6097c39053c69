import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { dbTestEnv } from "./tests/support/test-env.ts";

const src = fileURLToPath(new URL("./src", import.meta.url));
const support = (file: string) => fileURLToPath(new URL(`./tests/support/${file}`, import.meta.url));

// Two projects: pure unit tests, and database tests that each get a fresh,
// migrated database (PGlite in-process by default, PostgreSQL with TEST_DATABASE_URL).
export default defineConfig({
  resolve: { alias: { "@": src } },
  test: {
    projects: [
      {
        resolve: { alias: { "@": src } },
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "**/*.pg.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: {
          alias: {
            "@": src,
            "server-only": support("empty.ts"),
            // Next's request-scoped APIs need its server's request store: tests set the request
            // (cookies, headers) through these stand-ins instead.
            "next/headers": support("next-headers.ts"),
            "next/cache": support("next-cache.ts"),
          },
        },
        // Pages are TSX; the access-matrix test imports them.
        oxc: { jsx: { runtime: "automatic" } },
        test: {
          name: "db",
          // *.pg.test.ts need several connections at once (concurrency), which only a PostgreSQL
          // server has: they are part of the suite when it runs on one (TEST_DATABASE_URL, as in CI).
          include: [
            "src/**/*.db.test.ts",
            "tests/db/**/*.test.ts",
            ...(process.env.TEST_DATABASE_URL ? ["src/**/*.pg.test.ts"] : []),
          ],
          environment: "node",
          env: dbTestEnv,
          globalSetup: ["./tests/support/db-global-setup.ts"],
          setupFiles: ["./tests/support/db-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
