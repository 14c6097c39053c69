/**
 * The embedded PostgreSQL (PGlite) in a local folder. PGlite has no locking between
 * processes and two of them on one folder silently lose rows, so exactly one process owns
 * the folder: it takes `owner.json` (created exclusively) before opening it, and anyone
 * else is refused with a message that says who holds it.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

export class DataDirBusyError extends Error {}

interface Owner {
  pid: number;
  role: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function ownerFile(dataDir: string): string {
  return path.join(dataDir, "owner.json");
}

export function readOwner(dataDir: string): Owner | null {
  try {
    const owner = JSON.parse(readFileSync(ownerFile(dataDir), "utf8")) as Owner;
    return isAlive(owner.pid) ? owner : null;
  } catch {
    return null;
  }
}

/** Takes the folder for this process; returns the function that gives it back. */
export function claimDataDir(dataDir: string, role: string): { release: () => void } {
  mkdirSync(dataDir, { recursive: true });
  const file = ownerFile(dataDir);
  const me: Owner = { pid: process.pid, role, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(me), { flag: "wx" });
      const release = () => {
        if (readOwner(dataDir)?.pid === process.pid) rmSync(file, { force: true });
      };
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(dataDir);
      if (owner) {
        throw new DataDirBusyError(
          `The embedded database in ${dataDir} is in use by ${owner.role} (pid ${owner.pid}, since ${owner.startedAt}).\n` +
            `Stop it first (Ctrl+C in its terminal), or point DATABASE_URL at a PostgreSQL server.`,
        );
      }
      rmSync(file, { force: true }); // left behind by a process that died
    }
  }
  throw new DataDirBusyError(`Could not claim ${dataDir}.`);
}

export interface EmbeddedDatabase {
  pglite: PGlite;
  dataDir: string;
  isNew: boolean;
  close: () => Promise<void>;
}

export async function openEmbeddedDatabase(dataDir: string, role: string): Promise<EmbeddedDatabase> {
  const claim = claimDataDir(dataDir, role);
  const pgdata = path.join(dataDir, "pgdata");
  const isNew = !existsSync(path.join(pgdata, "PG_VERSION"));
  try {
    const pglite = await PGlite.create(pgdata);
    return {
      pglite,
      dataDir,
      isNew,
      close: async () => {
        // prisma.$disconnect() does not close PGlite; an open PGlite keeps Node alive.
        await pglite.close();
        claim.release();
      },
    };
  } catch (error) {
    claim.release();
    throw error;
  }
}
