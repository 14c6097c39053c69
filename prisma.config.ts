import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env by itself and takes the URL from here. Migrations are
// created and applied by scripts/db (Prisma's schema engine as WebAssembly), so
// the CLI is used for `prisma generate` only; the URL is optional for that.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/preflight" },
});
