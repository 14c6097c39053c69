/**
 * Database commands:
 *   npm run db:migrate                 apply pending migrations
 *   npm run db:migrate:new -- <name>   write a migration for the change in prisma/schema.prisma
 *   npm run db:seed                    add the demo organisation (once)
 *   npm run db:seed -- --pilots 10000  also add an organisation with a generated portfolio of that size
 * With DATABASE_URL they work on that server; without it, on the embedded folder, which they
 * refuse to touch while a Preflight server owns it (two processes on one PGlite folder lose data).
 */
import { installDb } from "@/lib/db";
import { DataDirBusyError } from "@/lib/database/embedded";
import { applyMigrations, createMigration } from "@/lib/database/migrations";
import { openDatabase } from "@/lib/database/open";
import { DEMO_LOGIN, isEmptyDatabase, seedDemo, seedScalePortfolio } from "@/modules/demo";

/** `--pilots N`: also generate a portfolio of N pilots (for the scale benchmark). */
function parsePilotsOption(args: string[]): number | null {
  const index = args.indexOf("--pilots");
  if (index === -1) return null;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1 || value > 100_000) {
    console.error("✖ --pilots takes a whole number from 1 to 100000, e.g. npm run db:seed -- --pilots 10000");
    process.exit(1);
  }
  return value;
}

function progressBar(label: string) {
  return (done: number, total: number) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(
      `\r  [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.round((done / total) * 100)}% ${done}/${total} ${label}`,
    );
  };
}

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
    case "seed": {
      const pilots = parsePilotsOption(args);
      return withDatabase("npm run db:seed", async (database) => {
        await applyMigrations(database.adapterFactory);
        installDb(database.prisma);
        if (await isEmptyDatabase()) {
          await seedDemo();
          console.log(`✔ Seeded the demo organisation. Sign in as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
        } else if (pilots === null) {
          console.log("✔ The database already has data: the demo organisation is only added to an empty database.");
        }
        if (pilots !== null) {
          const owner = await database.prisma.user.findUniqueOrThrow({
            where: { email: DEMO_LOGIN.email },
            select: { id: true },
          });
          const started = Date.now();
          const result = await seedScalePortfolio(pilots, owner.id, { onProgress: progressBar("pilots") });
          process.stderr.write("\n");
          console.log(
            `✔ Seeded "${pilots.toLocaleString("en")} pilots" portfolio: ${result.assessments.toLocaleString("en")} completed assessments, ` +
              `${result.answers.toLocaleString("en")} answers in ${((Date.now() - started) / 1000).toFixed(1)} s. ` +
              `Sign in as ${DEMO_LOGIN.email} and switch organisation to see it.`,
          );
        }
      });
    }
    default:
      console.error("Usage: tsx scripts/db.ts migrate | migrate:new <name> | seed");
      process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
