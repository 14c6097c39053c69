/**
 * `npm run bench:report`: how long the portfolio report of a 50-pilot organisation takes to
 * generate, as the download route does it: the report model (the dashboard's figures, a page per
 * pilot) and then the PDF, or the Word document. Median and p95 over several runs, and the size.
 * Target: at most 5 s for the PDF. A benchmark, not a test: it measures and prints.
 *
 *   npm run bench:report
 *   npm run bench:report -- --pilots 200 --runs 5
 * PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres
 * (a scratch database is created on that server and dropped afterwards).
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { installDb } from "@/lib/db";
import { env } from "@/lib/env";
import { applyMigrations } from "@/lib/database/migrations";
import { signUp } from "@/modules/auth";
import { seedScalePortfolio } from "@/modules/demo";
import { buildPortfolioReport, renderReportDocx, renderReportPdf } from "@/modules/reports";
import { stats, time } from "./lib/timing";
import { createScratchDatabase } from "./lib/scratch-database";

function option(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
}

const PILOTS = Number(option("pilots", "50"));
const RUNS = Number(option("runs", "7"));
const WARMUP = 1;
const TARGET_MS = 5000;
/** `--out report` also writes report.pdf and report.docx, to look at. */
const OUT = option("out", "");

async function main() {
  const serverUrl = env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const scratch = await createScratchDatabase(admin, serverUrl, "preflight_bench_report");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.url, max: 10 }) });
  try {
    await applyMigrations(new PrismaPg({ connectionString: scratch.url, max: 1 }));
    installDb(prisma);
    const owner = await signUp({
      name: "Bench",
      email: `bench-report-${Date.now()}@preflight.test`,
      password: "fly-to-production",
      organizationName: "Bench",
    });
    const seeded = await seedScalePortfolio(PILOTS, owner.userId);
    await prisma.$executeRawUnsafe("VACUUM ANALYZE");
    const actor = {
      userId: owner.userId,
      organizationId: seeded.organizationId,
      role: "OWNER" as const,
      organizationName: "Bench",
      currency: "USD",
    };
    console.log(
      `Portfolio report, ${PILOTS} pilots (${seeded.assessments} assessments), PostgreSQL; ${RUNS} runs after ${WARMUP} warm-up; ` +
        `machine: ${os.cpus().length} cores, Node ${process.version}\n`,
    );
    const pdfCpu: number[] = [];
    let pdfBytes = 0;
    let docxBytes = 0;
    let pages = 0;
    const model = stats(await time(() => buildPortfolioReport(actor, {}), RUNS, WARMUP));
    const pdf = stats(
      await time(
        async () => {
          const cpu = process.cpuUsage();
          const bytes = await renderReportPdf(await buildPortfolioReport(actor, {}));
          const used = process.cpuUsage(cpu);
          pdfCpu.push((used.user + used.system) / 1000);
          pdfBytes = bytes.length;
          pages = (bytes.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        },
        RUNS,
        WARMUP,
      ),
    );
    const docx = stats(
      await time(
        async () => {
          docxBytes = (await renderReportDocx(await buildPortfolioReport(actor, {}))).length;
        },
        RUNS,
        WARMUP,
      ),
    );
    if (OUT) {
      const report = await buildPortfolioReport(actor, {});
      writeFileSync(`${OUT}.pdf`, await renderReportPdf(report));
      writeFileSync(`${OUT}.docx`, await renderReportDocx(report));
    }
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log("| what                         | median  | p95     | size        |");
    console.log("| ---------------------------- | ------: | ------: | ----------: |");
    console.log(`| report model (figures, pilots) | ${s(model.median)} | ${s(model.p95)} |             |`);
    console.log(
      `| PDF (model + render)         | ${s(pdf.median)} | ${s(pdf.p95)} | ${(pdfBytes / 1024).toFixed(0)} KiB, ${pages} pages |`,
    );
    console.log(
      `| Word (model + render)        | ${s(docx.median)} | ${s(docx.p95)} | ${(docxBytes / 1024).toFixed(0)} KiB |`,
    );
    // This process's CPU time: what the PDF costs when the machine is not busy with other work.
    console.log(`\nPDF: ${s(stats(pdfCpu.slice(WARMUP)).median)} of CPU time (median) in this process.`);
    console.log(`PDF median ${pdf.median <= TARGET_MS ? "within" : "OVER"} the ${TARGET_MS / 1000} s target.`);
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
