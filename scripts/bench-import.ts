/**
 * `npm run bench:import`: importing a 10,000-row register on PostgreSQL. It creates a scratch
 * database, seeds an organisation's portfolio (2,000 pilots with assessments, for a dashboard with
 * something to compute), writes a 10,000-row XLSX with exceljs, and times: parsing it, the preview,
 * the commit (10,000 new pilots), a re-import of the same file (all unchanged) and one with every
 * row changed (10,000 updates). The dashboard's data (`getPortfolio`, uncached) is timed before the
 * import, right after it, and after a VACUUM ANALYZE of the whole database: "right after" should
 * match "after ANALYZE", because the import refreshes the planner's statistics itself.
 * A benchmark, not a test: it measures and prints. Target: the 10,000-row commit ≤ 10 s.
 *
 *   npm run bench:import
 *   npm run bench:import -- --rows 20000 --seed 5000 --runs 10
 * PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres
 * (a scratch database is created on that server and dropped afterwards).
 */
import os from "node:os";
import ExcelJS from "exceljs";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { installDb } from "@/lib/db";
import { env } from "@/lib/env";
import { applyMigrations } from "@/lib/database/migrations";
import type { Actor } from "@/modules/access/shared";
import { signUp } from "@/modules/auth";
import { seedScalePortfolio } from "@/modules/demo";
import { commitImport, parseSpreadsheet, previewImport } from "@/modules/imports";
import { getPortfolio } from "@/modules/portfolio";
import { createScratchDatabase } from "./lib/scratch-database";
import { stats, time } from "./lib/timing";

function option(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
}

const ROWS = Number(option("rows", "10000"));
const SEED = Number(option("seed", "2000"));
const RUNS = Number(option("runs", "15"));

const UNITS = ["Claims", "Underwriting", "Customer Service", "Finance", "HR", "IT", "Legal", "Marketing"];
const STATUSES = ["Idea", "POC", "Proof of concept", "Pilot", "Live", "In production", "Retired"];

async function register(rows: number, suffix = ""): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Register");
  sheet.addRow([
    "ID",
    "Use case",
    "Description",
    "Workflow",
    "Expected outcome",
    "Department",
    "Team",
    "Owner",
    "Owner email",
    "Sponsor",
    "Status",
    "Start date",
    "Go-live date",
    "Monthly cost",
    "Tags",
  ]);
  for (let i = 1; i <= rows; i++) {
    sheet.addRow([
      `UC-${i}`,
      `Imported use case ${i}`,
      `Automates step ${i % 97} of the ${UNITS[i % UNITS.length]!.toLowerCase()} process${suffix}`,
      "People do it by hand from a shared inbox",
      "Halve the handling time",
      UNITS[i % UNITS.length],
      `Team ${i % 40}`,
      `Owner ${i % 300}`,
      `owner${i % 300}@example.com`,
      "COO",
      STATUSES[i % STATUSES.length],
      new Date(Date.UTC(2026, i % 6, 1 + (i % 28))),
      46300 + (i % 200),
      { formula: `${i % 50}*100`, result: (i % 50) * 100 },
      i % 3 === 0 ? "llm, ocr" : "llm",
    ]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

async function main(): Promise<void> {
  const serverUrl = env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const scratch = await createScratchDatabase(admin, serverUrl, "preflight_bench_import");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.url, max: 10 }) });
  try {
    await applyMigrations(new PrismaPg({ connectionString: scratch.url, max: 1 }));
    installDb(prisma);
    const version = (await prisma.$queryRawUnsafe<{ v: string }[]>("SELECT current_setting('server_version') AS v"))[0]!
      .v;
    console.log(
      `Pilot import: ${ROWS.toLocaleString("en")} rows into an organisation of ${SEED.toLocaleString("en")} pilots, ` +
        `PostgreSQL ${version}; machine: ${os.cpus().length} cores, Node ${process.version}\n`,
    );
    const owner = await signUp({
      name: "Bench",
      email: `bench-${Date.now()}@preflight.test`,
      password: "fly-to-production",
      organizationName: "Bench",
    });
    const seeded = await seedScalePortfolio(SEED, owner.userId, {
      onProgress: (done, total) => process.stderr.write(`\r  seeding: ${done}/${total} pilots`),
    });
    process.stderr.write("\n");
    await prisma.$executeRawUnsafe("VACUUM ANALYZE");
    const actor: Actor = { userId: owner.userId, organizationId: seeded.organizationId, role: "OWNER" };
    const dashboard = async () => stats(await time(() => getPortfolio(actor), RUNS, 2));

    const before = await dashboard();
    const bytes = await register(ROWS);
    const upload = { bytes, fileName: "register.xlsx" };
    console.log(`Workbook: ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB\n`);

    const parse = await timed(() => parseSpreadsheet(bytes));
    const preview = await timed(() => previewImport(actor, upload));
    const commit = await timed(() => commitImport(actor, upload));
    if (commit.value.created !== ROWS) {
      const sample = commit.value.errors.slice(0, 3).map((e) => JSON.stringify(e.errors));
      throw new Error(`Expected ${ROWS} new pilots, got ${commit.value.created}: ${sample.join(" ")}`);
    }
    // The first dashboard after the import, then the steady state.
    const first = await timed(() => getPortfolio(actor));
    const after = await dashboard();
    const again = await timed(() => commitImport(actor, upload));
    if (again.value.unchanged !== ROWS) throw new Error(`Expected ${ROWS} unchanged, got ${again.value.unchanged}.`);
    const changed = { bytes: await register(ROWS, " (revised)"), fileName: "revised.xlsx" };
    const update = await timed(() => commitImport(actor, changed));
    if (update.value.updated !== ROWS) throw new Error(`Expected ${ROWS} updates, got ${update.value.updated}.`);
    await prisma.$executeRawUnsafe("VACUUM ANALYZE");
    const analyzed = await dashboard();

    console.log("| step | time |");
    console.log("| ---- | ---: |");
    console.log(`| parse the XLSX (${ROWS.toLocaleString("en")} rows) | ${seconds(parse.ms)} |`);
    console.log(`| preview (parse, read the organisation's pilots, validate every row) | ${seconds(preview.ms)} |`);
    console.log(
      `| commit: ${ROWS.toLocaleString("en")} new pilots (parse again, write, ANALYZE) | ${seconds(commit.ms)} |`,
    );
    console.log(`| commit the same file again: all unchanged | ${seconds(again.ms)} |`);
    console.log(`| commit with every row changed: ${ROWS.toLocaleString("en")} updates | ${seconds(update.ms)} |`);
    console.log("\nDashboard data (getPortfolio, uncached): median / p95");
    console.log("| when | pilots | median | p95 |");
    console.log("| ---- | -----: | -----: | --: |");
    console.log(`| before the import | ${SEED.toLocaleString("en")} | ${ms(before.median)} | ${ms(before.p95)} |`);
    console.log(`| first call right after the import | ${(SEED + ROWS).toLocaleString("en")} | ${ms(first.ms)} | |`);
    console.log(
      `| right after the import | ${(SEED + ROWS).toLocaleString("en")} | ${ms(after.median)} | ${ms(after.p95)} |`,
    );
    console.log(
      `| after VACUUM ANALYZE | ${(SEED + ROWS).toLocaleString("en")} | ${ms(analyzed.median)} | ${ms(analyzed.p95)} |`,
    );
  } finally {
    await prisma.$disconnect();
    await scratch.drop();
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
