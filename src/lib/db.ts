import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";

/**
 * The app's one Prisma client, kept on globalThis so that dev reloads, scripts and tests
 * share it. Scripts and tests install their own (embedded PGlite or a test database) with
 * `installDb` before any query runs; the web server connects with DATABASE_URL, which the
 * start script points at the embedded database's wire-protocol server when none is set.
 */
const holder = globalThis as unknown as { __preflightDb?: PrismaClient };

export function createPgClient(connectionString: string, max = env.DATABASE_POOL_MAX): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

export function installDb(client: PrismaClient): void {
  holder.__preflightDb = client;
}

function client(): PrismaClient {
  if (!holder.__preflightDb) {
    if (!env.DATABASE_URL) {
      throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides the embedded database.");
    }
    holder.__preflightDb = createPgClient(env.DATABASE_URL);
  }
  return holder.__preflightDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const instance = client();
    const value = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});

export type Db = PrismaClient;
export type { Prisma } from "@/generated/prisma/client";
