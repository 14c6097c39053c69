/**
 * `npm run bench:list`: how fast one page of the pilot list loads, and how heavy its HTML is,
 * with 10,000 pilots on PostgreSQL. It creates a scratch database, seeds the scale portfolio,
 * runs ANALYZE, then times `listPilots` (the page and the true count) for the default view and
 * a filtered, sorted one, and renders `PilotTable` for one page of 25, 50 and 100 pilots with
 * react-dom/server, printing the bytes raw and gzipped. A benchmark, not a test: it measures
 * and prints. Targets: data ≤ 150 ms, page ≤ 100 kB gzipped.
 *
 *   npm run bench:list
 *   npm run bench:list -- --pilots 1000 --runs 10
 * PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres
 * (a scratch database is created on that server and dropped afterwards).
 *
 * The data side needs the react-server condition (the services import "server-only"), under
 * which react-dom/server refuses to load; so the HTML is rendered by this same script in a child
 * process without that condition (`--render <file>`), fed the page's rows through a v8 file.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { gzipSync } from "node:zlib";
import type { Actor } from "@/modules/access/shared";
import type { PilotListQuery, PilotListItem } from "@/modules/pilots";
import { stats, time } from "./lib/timing";
import { createScratchDatabase } from "./lib/scratch-database";

function option(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
}

const PILOTS = Number(option("pilots", "10000"));
const RUNS = Number(option("runs", "30"));
const WARMUP = 3;
const PAGE_SIZES = [25, 50, 100] as const;
const SLUG = "bench";
const CURRENCY = "USD";

interface RenderJob {
  slug: string;
  currency: string;
  pages: { size: number; query: PilotListQuery; items: PilotListItem[] }[];
}
interface RenderResult {
  size: number;
  rows: number;
  raw: number;
  gzip: number;
}

/** Child process: render each page of rows with PilotTable and measure the HTML. */
async function render(file: string): Promise<void> {
  const [{ createElement }, { renderToString }, { PilotTable }] = await Promise.all([
    import("react"),
    import("react-dom/server"),
    import("@/modules/pilots/components/pilot-table"),
  ]);
  const job = deserialize(readFileSync(file)) as RenderJob;
  const results: RenderResult[] = job.pages.map(({ size, query, items }) => {
    const html = renderToString(
      createElement(PilotTable, { pilots: items, currency: job.currency, slug: job.slug, query }),
    );
    return { size, rows: items.length, raw: Buffer.byteLength(html), gzip: gzipSync(html).length };
  });
  process.stdout.write(JSON.stringify(results));
}

function renderInChild(job: RenderJob): RenderResult[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "preflight-bench-list-"));
  const file = path.join(dir, "pages.v8");
  try {
    writeFileSync(file, serialize(job));
    // Node flags (tsx passes --conditions=react-server in execArgv) are not inherited.
    const child = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--render", file], {
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`Rendering failed:\n${child.stderr}`);
    return JSON.parse(child.stdout) as RenderResult[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // Imported here, not at the top: the rendering child must not load "server-only" modules.
  const [{ PrismaPg }, { default: pg }, { PrismaClient }, { installDb }, { env }, migrations, accounts, seed, service] =
    await Promise.all([
      import("@prisma/adapter-pg"),
      import("pg"),
      import("@/generated/prisma/client"),
      import("@/lib/db"),
      import("@/lib/env"),
      import("@/lib/database/migrations"),
      import("@/modules/auth"),
      import("@/modules/demo"),
      import("@/modules/pilots"),
    ]);
  const { pilotListQuerySchema } = await import("@/modules/pilots/shared");

  const serverUrl = env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const scratch = await createScratchDatabase(admin, serverUrl, "preflight_bench_list");
  const url = new URL(scratch.url);
  // The same pool size as a web server's default (DATABASE_POOL_MAX).
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString(), max: 10 }) });
  try {
    await migrations.applyMigrations(new PrismaPg({ connectionString: url.toString(), max: 1 }));
    installDb(prisma);
    const version = (await prisma.$queryRawUnsafe<{ v: string }[]>("SELECT current_setting('server_version') AS v"))[0]!
      .v;
    console.log(
      `Pilot list: ${PILOTS.toLocaleString("en")} pilots, PostgreSQL ${version}; ${RUNS} runs after ${WARMUP} warm-up runs; ` +
        `machine: ${os.cpus().length} cores, Node ${process.version}\n`,
    );

    const owner = await accounts.signUp({
      name: "Bench",
      email: `bench-${Date.now()}@preflight.test`,
      password: "fly-to-production",
      organizationName: "Bench",
    });
    const seedStart = performance.now();
    const seeded = await seed.seedScalePortfolio(PILOTS, owner.userId, {
      onProgress: (done, total) => process.stderr.write(`\r  seeding: ${done}/${total} pilots`),
    });
    process.stderr.write("\n");
    console.log(
      `Seeded ${seeded.pilots.toLocaleString("en")} pilots in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );
    await prisma.$executeRawUnsafe("ANALYZE");
    const actor: Actor = { userId: owner.userId, organizationId: seeded.organizationId, role: "OWNER" };

    const views: { label: string; query: Record<string, string> }[] = [
      { label: "default (name, page 1)", query: {} },
      {
        label: "filtered + sorted (q=team 2, stage=PILOT; cost desc)",
        query: { q: "team 2", stage: "PILOT", sort: "cost", dir: "desc" },
      },
      { label: "default, last page of 25", query: { page: String(Math.ceil(PILOTS / 25)) } },
    ];
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    const lines: string[] = [];
    for (const view of views) {
      const first = await service.listPilots(actor, view.query);
      const t = stats(await time(() => service.listPilots(actor, view.query), RUNS, WARMUP));
      lines.push(
        `| ${view.label} | ${first.total.toLocaleString("en")} | ${first.page}/${first.pageCount} | ${ms(t.median)} | ${ms(t.p95)} |`,
      );
      process.stderr.write(`  ${lines.at(-1)}\n`);
    }

    const pages: RenderJob["pages"] = [];
    for (const size of PAGE_SIZES) {
      const query = pilotListQuerySchema.parse({ size: String(size) });
      pages.push({ size, query, items: (await service.listPilots(actor, query)).items });
    }
    const html = renderInChild({ slug: SLUG, currency: CURRENCY, pages });

    console.log("\nlistPilots (one page and the true count, in parallel)");
    console.log("| view | matching | page | median | p95 |");
    console.log("| ---- | -------: | ---: | -----: | --: |");
    for (const line of lines) console.log(line);
    console.log("\nPilotTable HTML for one page (renderToString)");
    console.log("| page size | rows | raw | gzipped |");
    console.log("| --------: | ---: | --: | ------: |");
    const kb = (bytes: number) => `${bytes.toLocaleString("en")} B (${(bytes / 1024).toFixed(1)} kB)`;
    for (const r of html) console.log(`| ${r.size} | ${r.rows} | ${kb(r.raw)} | ${kb(r.gzip)} |`);
  } finally {
    await prisma.$disconnect();
    await scratch.drop();
    await admin.end();
  }
}

const renderIndex = process.argv.indexOf("--render");
(renderIndex >= 0 ? render(process.argv[renderIndex + 1]!) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
