/**
 * Database commands:
 *   npm run db:migrate                 apply pending migrations
 *   npm run db:migrate:new -- <name>   write a migration for the change in prisma/schema.prisma
 *   npm run db:seed                    add the demo organisation (once)
 * With DATABASE_URL they work on that server; without it, on the embedded folder, which they
 * refuse to touch while a Preflight server owns it (two processes on one PGlite folder lose data).
 */
import { installDb } from "@/lib/db";
import { DataDirBusyError } from "@/lib/database/embedded";
import { applyMigrations, createMigration } from "@/lib/database/migrations";
import { openDatabase } from "@/lib/database/open";
import { DEMO_LOGIN } from "@/modules/demo/demo-data";
import { isEmptyDatabase, seedDemo } from "@/modules/demo/seed-demo";

async function withDatabase(role: string, run: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>) {
  let database;
  try {
    database = await openDatabase(role);
  } catch (error) {
    if (error instanceof DataDirBusyError) {
      console.error(`✖ ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  try {
    console.log(`▸ Database: ${database.label}`);
    await run(database);
  } finally {
    await database.close();
  }
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  switch (command) {
    case "migrate:new": {
      const dir = await createMigration(args.join("_"));
      console.log(
        dir
          ? `✔ Wrote ${dir}/migration.sql — review it, then run npm run db:migrate`
          : "✔ The migrations already match prisma/schema.prisma: nothing to write.",
      );
      return;
    }
    case "migrate":
      return withDatabase("npm run db:migrate", async (database) => {
        const applied = await applyMigrations(database.adapterFactory);
        console.log(applied.length ? `✔ Applied: ${applied.join(", ")}` : "✔ Already up to date.");
      });
    case "seed":
      return withDatabase("npm run db:seed", async (database) => {
        await applyMigrations(database.adapterFactory);
        installDb(database.prisma);
        if (!(await isEmptyDatabase())) {
          console.log("✔ The database already has data: the demo organisation is only added to an empty database.");
          return;
        }
        await seedDemo();
        console.log(`✔ Seeded the demo organisation. Sign in as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
      });
    default:
      console.error("Usage: tsx scripts/db.ts migrate | migrate:new <name> | seed");
      process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
