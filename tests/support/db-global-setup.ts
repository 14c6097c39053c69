/**
 * Builds one migrated database per test run, which every test file then copies:
 * an embedded PGlite dump by default, or a PostgreSQL template database when
 * TEST_DATABASE_URL is set (so the same suites run against a real server).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../src/lib/database/migrations";
import { databaseUrlFor } from "./database-url";

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = `preflight_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    await applyMigrations(new PrismaPg({ connectionString: databaseUrlFor(serverUrl, template), max: 1 }));
    // A template must have no open connections to be copied; the engine's pool may linger.
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [template]);
    project.provide("dbTemplate", { kind: "postgres", serverUrl, template });
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    };
  }

  const pglite = await PGlite.create();
  await applyMigrations(new PrismaPGlite(pglite));
  const dump = await pglite.dumpDataDir("none");
  await pglite.close();
  const dir = await mkdtemp(path.join(os.tmpdir(), "preflight-test-"));
  const file = path.join(dir, "migrated.tar");
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("dbTemplate", { kind: "pglite", file });
  return () => rm(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplate: { kind: "pglite"; file: string } | { kind: "postgres"; serverUrl: string; template: string };
  }
}
