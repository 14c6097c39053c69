import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirBusyError, claimDataDir, ownerFile } from "@/lib/database/embedded";
import { SCHEMA_PATH, diffMigrationsToSchema } from "@/lib/database/migrations";

const temporary: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "preflight-migrations-test-"));
  temporary.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// Loading the WebAssembly schema engine and replaying every migration takes seconds.
const ENGINE_TIMEOUT_MS = 90_000;

describe("migrations", () => {
  it(
    "the committed migrations produce exactly schema.prisma",
    async () => {
      // If this fails: run `npm run db:migrate:new -- <name>` and commit the migration it writes.
      expect(await diffMigrationsToSchema()).toBe("");
    },
    ENGINE_TIMEOUT_MS,
  );

  it(
    "a schema change without a migration shows up in the diff",
    async () => {
      const schemaPath = path.join(tempDir(), "schema.prisma");
      const extraModel = `\nmodel DriftCanary {\n  id    String @id\n  label String\n}\n`;
      writeFileSync(schemaPath, readFileSync(SCHEMA_PATH, "utf8") + extraModel);

      const sql = await diffMigrationsToSchema(schemaPath);
      expect(sql).not.toBe("");
      expect(sql).toMatch(/CREATE TABLE "DriftCanary"/);
    },
    ENGINE_TIMEOUT_MS,
  );
});

describe("embedded data folder ownership", () => {
  it("refuses a second claim while the owner is alive, naming the folder", () => {
    const dir = tempDir();
    const first = claimDataDir(dir, "the first owner");
    try {
      let refusal: unknown;
      try {
        claimDataDir(dir, "a second process").release();
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(DataDirBusyError);
      expect((refusal as Error).message).toContain(dir);
      expect((refusal as Error).message).toContain("the first owner");
      expect(JSON.parse(readFileSync(ownerFile(dir), "utf8"))).toMatchObject({ pid: process.pid });
    } finally {
      first.release();
    }
    expect(existsSync(ownerFile(dir))).toBe(false);
  });

  it("takes over a folder whose owner process has died", () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ["-e", ""]);
    expect(dead.pid).toBeGreaterThan(0);
    writeFileSync(
      ownerFile(dir),
      JSON.stringify({ pid: dead.pid, role: "a crashed server", startedAt: new Date(0).toISOString() }),
    );

    const claim = claimDataDir(dir, "the new owner");
    try {
      expect(JSON.parse(readFileSync(ownerFile(dir), "utf8"))).toMatchObject({
        pid: process.pid,
        role: "the new owner",
      });
    } finally {
      claim.release();
    }
  });
});
