/**
 * Gives each test file its own database, copied from the migrated template, and installs
 * it as the app's `db`. Tests then call the real service functions against it.
 */
import { readFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { installDb } from "@/lib/db";
import { databaseUrlFor } from "./database-url";

const template = inject("dbTemplate");

if (template.kind === "pglite") {
  const dump = await readFile(template.file);
  const pglite = await PGlite.create({ loadDataDir: new Blob([dump]) });
  const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  installDb(client);
  afterAll(async () => {
    await client.$disconnect();
    await pglite.close();
  });
} else {
  const name = `preflight_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: template.serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.template}`);
  const url = databaseUrlFor(template.serverUrl, name);
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  installDb(client);
  // Exposed for concurrency tests that need independent connections.
  (globalThis as { __testDatabaseUrl?: string }).__testDatabaseUrl = url;
  afterAll(async () => {
    await client.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
}
