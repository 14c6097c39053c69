/**
 * Prisma migrations without Prisma's native schema engine: the same engine, compiled to
 * WebAssembly and driven through a driver adapter. It writes and reads prisma/migrations in
 * Prisma's own layout and records applied migrations in `_prisma_migrations` exactly as
 * `prisma migrate deploy` does, so the CLI on a machine that has the native engine agrees.
 * See docs/decisions/0001-database-and-migrations.md.
 */
import { readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type * as SchemaEngineWasm from "@prisma/schema-engine-wasm/schema_engine_bg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

export const PRISMA_DIR = path.resolve(process.cwd(), "prisma");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
const LOCKFILE = "migration_lock.toml";
const NO_FILTERS = { externalTables: [], externalEnums: [] };

type MigrationList = {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  shadowDbInitScript: string;
  migrationDirectories: { path: string; migrationFile: { path: string; content: { tag: "ok"; value: string } } }[];
};

type EngineModule = typeof SchemaEngineWasm;
type SchemaEngine = SchemaEngineWasm.SchemaEngine;

let wasmReady: Promise<EngineModule> | undefined;

function loadWasm() {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bg: EngineModule = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bg;
  })();
  return wasmReady;
}

async function withEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine, schema: string) => Promise<T>,
  schemaPath = SCHEMA_PATH,
): Promise<T> {
  const { SchemaEngine } = await loadWasm();
  const schema = await readFile(schemaPath, "utf8");
  const log = () => {};
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
  try {
    return await run(engine, schema);
  } finally {
    engine.free();
  }
}

export async function readMigrations(): Promise<MigrationList> {
  const entries = existsSync(MIGRATIONS_DIR) ? await readdir(MIGRATIONS_DIR, { withFileTypes: true }) : [];
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: LOCKFILE, content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => ({
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: {
            tag: "ok" as const,
            value: await readFile(path.join(MIGRATIONS_DIR, dir, "migration.sql"), "utf8"),
          },
        },
      })),
    ),
  };
}

/**
 * SQL that would take a database built from the committed migrations to schema.prisma ("" if none).
 * `schemaPath` lets tests diff against another schema file.
 */
export async function diffMigrationsToSchema(schemaPath = SCHEMA_PATH): Promise<string> {
  // The shadow database the engine replays the migrations into is an in-memory PGlite.
  const pglite = new PGlite();
  try {
    return await withEngine(
      new PrismaPGlite(pglite),
      async (engine, schema) => {
        const migrations = await readMigrations();
        const from =
          migrations.migrationDirectories.length > 0
            ? { tag: "migrations" as const, ...migrations }
            : { tag: "empty" as const };
        const result = await engine.diff({
          from,
          to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
          script: true,
          exitCode: true,
          filters: NO_FILTERS,
        });
        const sql = (result.stdout ?? "").trim();
        return result.exitCode === 0 || sql === "-- This is an empty migration." ? "" : sql;
      },
      schemaPath,
    );
  } finally {
    await pglite.close();
  }
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql for the schema change; null if nothing changed. */
export async function createMigration(name: string): Promise<string | null> {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  if (!slug) throw new Error("A migration needs a name, e.g. npm run db:migrate:new -- add_assessments");
  const sql = await diffMigrationsToSchema();
  if (!sql) return null;
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${slug}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql + "\n");
  const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE);
  if (!existsSync(lockPath)) {
    await writeFile(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return dir;
}

/** Applies pending migrations to the database behind the adapter; returns their names. */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  return withEngine(adapterFactory, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: await readMigrations(), filters: NO_FILTERS });
    return result.appliedMigrationNames;
  });
}
