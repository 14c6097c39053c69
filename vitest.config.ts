import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = fileURLToPath(new URL("./src", import.meta.url));

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
          exclude: ["**/*.db.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: {
          alias: { "@": src, "server-only": fileURLToPath(new URL("./tests/support/empty.ts", import.meta.url)) },
        },
        test: {
          name: "db",
          include: ["src/**/*.db.test.ts", "tests/db/**/*.test.ts"],
          environment: "node",
          globalSetup: ["./tests/support/db-global-setup.ts"],
          setupFiles: ["./tests/support/db-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
