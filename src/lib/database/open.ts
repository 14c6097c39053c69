/**
 * Opens the app's database for a script (start, migrate, seed, bench): PostgreSQL when
 * DATABASE_URL is set, otherwise the embedded PGlite folder, claimed for this process.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/database/embedded";

export interface OpenDatabase {
  prisma: PrismaClient;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  embedded: EmbeddedDatabase | null;
  label: string;
  close: () => Promise<void>;
}

export async function openDatabase(role: string): Promise<OpenDatabase> {
  if (env.DATABASE_URL) {
    const adapterFactory = new PrismaPg({ connectionString: env.DATABASE_URL, max: 4 });
    const prisma = new PrismaClient({ adapter: adapterFactory });
    const url = new URL(env.DATABASE_URL);
    return {
      prisma,
      adapterFactory,
      embedded: null,
      label: `PostgreSQL at ${url.host}${url.pathname}`,
      close: () => prisma.$disconnect(),
    };
  }
  const embedded = await openEmbeddedDatabase(env.PREFLIGHT_DATA_DIR, role);
  const adapterFactory = new PrismaPGlite(embedded.pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    adapterFactory,
    embedded,
    label: `embedded PostgreSQL (PGlite) in ${env.PREFLIGHT_DATA_DIR}`,
    close: async () => {
      await prisma.$disconnect();
      await embedded.close();
    },
  };
}
