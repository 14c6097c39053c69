/**
 * `npm run bench`: how fast the dashboard's data loads, at 1,000 and 10,000 pilots, on the
 * embedded database and on PostgreSQL. Beside the app's own loading (getPortfolio, everything
 * the dashboard page reads) it times a lower bound: the minimal raw SQL computing the same
 * figures, one query per figure, run with the same concurrency. It prints median and p95 of
 * each and their ratio. A benchmark, not a test: it measures and prints; it asserts nothing
 * beyond checking that both sides computed the same headline figures.
 *
 *   npm run bench                                  both databases, 1,000 and 10,000 pilots
 *   npm run bench -- --sizes 1000 --runs 20 --targets postgres
 * PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres
 * (a scratch database is created on that server and dropped afterwards).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { installDb } from "@/lib/db";
import { env } from "@/lib/env";
import { applyMigrations } from "@/lib/database/migrations";
import { signUp } from "@/modules/auth";
import { seedScalePortfolio } from "@/modules/demo";
import type { Actor } from "@/modules/access/shared";
import { getPortfolio } from "@/modules/portfolio";
import { lowerBoundQueries } from "./lib/bench-lower-bound";
import { stats, time } from "./lib/timing";
import { createScratchDatabase } from "./lib/scratch-database";

function option(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
}

const SIZES = option("sizes", "1000,10000").split(",").map(Number);
const RUNS = Number(option("runs", "30"));
const TARGETS = option("targets", "embedded,postgres").split(",");
const WARMUP = 3;

interface Target {
  name: string;
  prisma: PrismaClient;
  close: () => Promise<void>;
}

async function openTarget(name: string): Promise<Target> {
  if (name === "embedded") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "preflight-bench-"));
    const pglite = await PGlite.create(path.join(dir, "pgdata"));
    const adapter = new PrismaPGlite(pglite);
    await applyMigrations(adapter);
    const prisma = new PrismaClient({ adapter });
    return {
      name: "embedded (PGlite)",
      prisma,
      close: async () => {
        await prisma.$disconnect();
        await pglite.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const serverUrl = env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const scratch = await createScratchDatabase(admin, serverUrl, "preflight_bench");
  const url = new URL(scratch.url);
  await applyMigrations(new PrismaPg({ connectionString: url.toString(), max: 1 }));
  // The same pool size as a web server's default (DATABASE_POOL_MAX).
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString(), max: 10 }) });
  return {
    name: "PostgreSQL 15",
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await scratch.drop();
      await admin.end();
    },
  };
}

const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;

async function main() {
  console.log(
    `Dashboard data loading: ${RUNS} runs after ${WARMUP} warm-up runs; machine: ${os.cpus().length} cores, Node ${process.version}\n`,
  );
  const rows: string[] = [];
  for (const targetName of TARGETS) {
    const target = await openTarget(targetName);
    installDb(target.prisma);
    try {
      const owner = await signUp({
        name: "Bench",
        email: `bench-${Date.now()}@preflight.test`,
        password: "fly-to-production",
        organizationName: "Bench",
      });
      for (const size of SIZES) {
        const seedStart = performance.now();
        const seeded = await seedScalePortfolio(size, owner.userId, {
          onProgress: (done, total) => process.stderr.write(`\r  seeding ${target.name}: ${done}/${total} pilots`),
        });
        process.stderr.write("\n");
        console.log(
          `${target.name}, ${size.toLocaleString("en")} pilots: seeded ${seeded.assessments.toLocaleString("en")} assessments and ` +
            `${seeded.answers.toLocaleString("en")} answers in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
        );
        // The steady state autovacuum keeps a live database in: statistics and visibility map current.
        await target.prisma.$executeRawUnsafe("VACUUM ANALYZE");
        const actor: Actor = { userId: owner.userId, organizationId: seeded.organizationId, role: "OWNER" };
        const now = new Date();

        // Same figures on both sides, or the comparison means nothing.
        const app = await getPortfolio(actor, {}, now);
        const lower = await lowerBoundQueries(target.prisma, actor.organizationId, now);
        const same =
          app.headline.total === lower.headline.total &&
          app.headline.assessed === lower.headline.assessed &&
          app.headline.ready === lower.headline.ready &&
          app.headline.stalled === lower.headline.stalled &&
          Math.abs((app.headline.medianReadiness ?? 0) - (lower.headline.median ?? 0)) < 1e-6;
        if (!same)
          throw new Error(
            `The lower-bound queries disagree with the app: ${JSON.stringify({ app: app.headline, lower: lower.headline })}`,
          );

        const appTimes = stats(await time(() => getPortfolio(actor, {}, now), RUNS, WARMUP));
        const lowerTimes = stats(
          await time(() => lowerBoundQueries(target.prisma, actor.organizationId, now), RUNS, WARMUP),
        );
        const line =
          `| ${target.name.padEnd(17)} | ${size.toLocaleString("en").padStart(6)} | ${ms(appTimes.median)} | ${ms(appTimes.p95)} |` +
          ` ${ms(lowerTimes.median)} | ${ms(lowerTimes.p95)} | ${(appTimes.median / lowerTimes.median).toFixed(2).padStart(5)} |`;
        rows.push(line);
        console.log(line);
      }
    } finally {
      await target.close();
    }
  }
  console.log("\n| database          | pilots |  app median |     app p95 | lower median |   lower p95 | ratio |");
  console.log("| ----------------- | -----: | ----------: | ----------: | -----------: | ----------: | ----: |");
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
