/**
 * `npm run bench:load`: the pages people wait for, measured over HTTP under concurrent load.
 * For each portfolio size it creates a scratch PostgreSQL database, seeds the scale portfolio,
 * runs VACUUM ANALYZE, starts the production server (`next start`, pool of 10) on it, signs in
 * through next-auth's credentials form, and drives each scenario with autocannon at each
 * connection count. It prints requests/s, latency p50/p95/p99, non-2xx, errors, timeouts and
 * bytes per response (on the wire: headers + body), then one Markdown table of all runs.
 * A benchmark, not a test: it only checks that the server is up and that signed-in pages
 * answer 200 (and exits non-zero when signing in fails).
 *
 *   npm run bench:load
 *   npm run bench:load -- --sizes 1000 --duration 5 --connections 10
 *   npm run bench:load -- --scenarios dashboard,autosave --keep
 * Options: --sizes 1000,10000  --connections 50,200  --duration 20 (s)  --scenarios <list>
 *   (dashboard, dashboard-filtered, pilot-list, pilot-page, autosave, autosave-paced, small-page)  --port <n>  --keep (keep
 *   the database, print its URL)  --workers <n> (processes sharing the port, as WEB_CONCURRENCY)  --no-gzip (do not send Accept-Encoding)  --no-build (use
 *   whatever .next holds instead of rebuilding a stale build).
 * PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres
 * (a scratch database is created on that server and dropped afterwards).
 *
 * Latency and bytes count 2xx responses only (as autocannon does); non-2xx, 409 conflicts,
 * errors and timeouts are counted beside them. The load generator runs on the same machine as
 * the server and the database, so on a small machine it competes with them for CPU.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import http from "node:http";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { installDb } from "@/lib/db";
import { env, rawProcessEnv } from "@/lib/env";
import { applyMigrations } from "@/lib/database/migrations";
import { signUp } from "@/modules/auth";
import { seedScalePortfolio } from "@/modules/demo";
import { LAST_ORG_COOKIE, orgApi, orgPath } from "@/modules/access/shared";
import { buildIfNeeded } from "./lib/build";
import { freePort, SESSION_COOKIE, signInOverHttp, startNextServer, tail, type RunningServer } from "./lib/next-server";
import { createScratchDatabase } from "./lib/scratch-database";

// ─── Options ────────────────────────────────────────────────────────────────────────────────

const args = process.argv.slice(2);
function option(name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] && !args[i + 1]!.startsWith("--") ? args[i + 1]! : fallback;
}
const flag = (name: string) => args.includes(`--${name}`);
function numbers(name: string, fallback: string): number[] {
  const list = option(name, fallback)
    .split(",")
    .map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--${name} takes positive whole numbers`);
  return list;
}

const SCENARIO_IDS = [
  "dashboard",
  "dashboard-filtered",
  "pilot-list",
  "pilot-page",
  "autosave",
  "autosave-paced",
  "small-page",
] as const;
/**
 * How people autosave: the assessment saves 600 ms after the last change (use-answer-autosave.ts),
 * so someone typing saves at most every 600 ms plus the save's own time. In `autosave-paced`
 * each connection is one such person: a save, a pause drawn between 300 and 900 ms, the next
 * save, starting at a random moment, so 50 connections are 50 people typing at once, each on
 * their own rhythm (about 80 saves a second between them). `autosave` sends back to back, which
 * measures the server's saturation instead: by Little's law its latency is connections ÷
 * throughput whatever the server does. (autocannon's own rate option is not used for people:
 * it fires every connection's quota at the top of each second, all at once.)
 */
const PAUSE_MS = { min: 300, max: 900 };
type ScenarioId = (typeof SCENARIO_IDS)[number];

const SIZES = numbers("sizes", "1000,10000");
const CONNECTIONS = numbers("connections", "50,200");
const DURATION = numbers("duration", "20")[0]!;
const SCENARIOS = option("scenarios", SCENARIO_IDS.join(","))
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean) as ScenarioId[];
const unknown = SCENARIOS.filter((s) => !SCENARIO_IDS.includes(s));
if (unknown.length)
  throw new Error(`Unknown scenario(s) ${unknown.join(", ")}; choose from ${SCENARIO_IDS.join(", ")}`);
const PORT = option("port", "") ? Number(option("port", "")) : null;
/** Node processes serving the app (`WEB_CONCURRENCY` in `npm start`); 1 is plain `next start`. */
const WORKERS = numbers("workers", "1")[0]!;
const KEEP = flag("keep");
const GZIP = !flag("no-gzip");
const BUILD = !flag("no-build");
const TIMEOUT_S = 10;
const WARMUP_REQUESTS = 10;
const WARMUP_CONCURRENCY = 5;

const EMAIL = "bench-load@preflight.test";
const PASSWORD = "fly-to-production";

// ─── Cleanup, also on Ctrl+C and errors ────────────────────────────────────────────────────

const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | null = null;
/** Registers a cleanup to run on exit (also Ctrl+C); calling the returned function runs it now, once. */
function defer(task: () => Promise<unknown>): () => Promise<void> {
  let done = false;
  const run = async () => {
    if (done) return;
    done = true;
    const i = cleanups.indexOf(run);
    if (i >= 0) cleanups.splice(i, 1);
    await task();
  };
  cleanups.push(run);
  return run;
}
const KEEP_WORK_DIR = { value: false };
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()!();
      } catch (error) {
        console.error("cleanup:", error instanceof Error ? error.message : error);
      }
    }
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    process.stderr.write(`\n${signal}: stopping the server and dropping the scratch database…\n`);
    void cleanUp().finally(() => process.exit(130));
  });
}

// ─── Measuring ─────────────────────────────────────────────────────────────────────────────

interface Row {
  size: number;
  scenario: string;
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  total: number;
  ok: number;
  non2xx: number;
  statusCodes: string;
  conflicts: number | null;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** One autocannon run; latency percentiles from every 2xx response (autocannon has no p95). */
function cannon(options: autocannon.Options): Promise<{ result: autocannon.Result; latencies: number[] }> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(options, (error, result) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve({ result, latencies: latencies.sort((a, b) => a - b) });
    });
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}

function toRow(
  size: number,
  scenario: string,
  connections: number,
  run: { result: autocannon.Result; latencies: number[] },
  conflicts: number | null,
): Row {
  const { result, latencies } = run;
  const ok = result["2xx"];
  const codes = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith("2"))
    .map(([code, s]) => `${code}×${s.count ?? 0}`)
    .join(", ");
  return {
    size,
    scenario,
    connections,
    rps: result.requests.average,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    total: result.requests.total,
    ok,
    non2xx: result.non2xx,
    statusCodes: codes,
    conflicts,
    errors: result.errors,
    timeouts: result.timeouts,
    // autocannon counts the bytes of 2xx responses only (headers + body as received).
    bytesPerResponse: ok > 0 ? result.throughput.total / ok : NaN,
  };
}

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en") : "–");
const msec = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : "–");
const size = (bytes: number) =>
  !Number.isFinite(bytes) ? "–" : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${Math.round(bytes)} B`;

function printRow(row: Row): void {
  const problems = [
    `${int(row.non2xx)} non-2xx${row.statusCodes ? ` (${row.statusCodes})` : ""}`,
    ...(row.conflicts !== null ? [`${int(row.conflicts)} conflicts (409)`] : []),
    `${int(row.errors)} errors`,
    `${int(row.timeouts)} timeouts`,
  ];
  console.log(
    `  ${row.scenario} @ ${row.connections} connections: ${row.rps.toFixed(1)} req/s; ` +
      `p50 ${msec(row.p50)} ms, p95 ${msec(row.p95)} ms, p99 ${msec(row.p99)} ms; ` +
      `${int(row.total)} requests; ${problems.join(", ")}; ${size(row.bytesPerResponse)}/response`,
  );
}

// ─── The app, over HTTP ────────────────────────────────────────────────────────────────────

interface Session {
  base: string;
  /** The app's public URL (NEXTAUTH_URL): the Origin its own pages send with writes. */
  publicUrl: string;
  slug: string;
  /** Cookie header a signed-in browser sends (session + last-used organisation). */
  cookie: string;
}

function pageHeaders(session: Session): Record<string, string> {
  return {
    cookie: session.cookie,
    accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    ...(GZIP ? { "accept-encoding": "gzip, deflate, br" } : {}),
  };
}

function apiHeaders(session: Session): Record<string, string> {
  return {
    cookie: session.cookie,
    // As a browser on the app's own pages sends it: writes without it are refused (CSRF, decision 0004).
    origin: session.publicUrl,
    accept: "application/json",
    "content-type": "application/json",
    ...(GZIP ? { "accept-encoding": "gzip, deflate, br" } : {}),
  };
}

/** GET without following redirects; a redirect to /signin means the session cookie did not work. */
async function get(session: Session, pathname: string, headers = pageHeaders(session)): Promise<Response> {
  return fetch(`${session.base}${pathname}`, { headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
}

function describe(response: Response): string {
  const location = response.headers.get("location");
  if (location?.includes("/signin")) return `${response.status} → ${location} (the session cookie did not work)`;
  return location ? `${response.status} → ${location}` : String(response.status);
}

async function inParallel<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

/** A few requests before timing: warms the route's code paths and the database's caches. */
async function warmUpGet(session: Session, pathname: string): Promise<void> {
  const statuses = await inParallel(WARMUP_REQUESTS, WARMUP_CONCURRENCY, async () => {
    const response = await get(session, pathname);
    await response.arrayBuffer();
    return response.status === 200 ? null : describe(response);
  });
  const bad = statuses.filter((s): s is string => s !== null);
  if (bad.length)
    console.warn(`  ⚠ warm-up: GET ${pathname} answered ${bad.length}/${statuses.length} times not 200: ${bad[0]}`);
}

/** One open assessment and one criterion per autosave connection: one person per answer. */
interface AutosaveSlot {
  assessmentId: string;
  criterionKey: string;
  version: number;
}

interface AssessmentDetail {
  id: string;
  status: string;
  framework: { pillars: { criteria: { key: string }[] }[] };
  answers: { criterionKey: string; version: number }[];
}

async function prepareAutosave(session: Session, pilotIds: string[]): Promise<AutosaveSlot[]> {
  const ids = await inParallel(pilotIds.length, 8, async (i) => {
    const response = await fetch(`${session.base}${orgApi(session.slug, `/pilots/${pilotIds[i]}/assessments`)}`, {
      method: "POST",
      headers: apiHeaders(session),
      redirect: "manual",
    });
    if (response.status !== 200 && response.status !== 201)
      throw new Error(
        `Starting an assessment answered ${describe(response)}: ${(await response.text()).slice(0, 300)}`,
      );
    return ((await response.json()) as { id: string }).id;
  });
  const details = await inParallel(ids.length, 8, async (i) => {
    const response = await get(session, orgApi(session.slug, `/assessments/${ids[i]}`), apiHeaders(session));
    if (response.status !== 200) throw new Error(`GET assessment answered ${describe(response)}`);
    return (await response.json()) as AssessmentDetail;
  });
  const keys = details[0]!.framework.pillars.flatMap((p) => p.criteria.map((c) => c.key));
  return details.map((detail, i) => {
    const criterionKey = keys[i % keys.length]!;
    const version = detail.answers.find((a) => a.criterionKey === criterionKey)?.version ?? 0;
    return { assessmentId: detail.id, criterionKey, version };
  });
}

/** A valid save: written on the version last seen, with a level that differs from the last one. */
function saveBody(slot: AutosaveSlot): string {
  return JSON.stringify({
    criterionKey: slot.criterionKey,
    expectedVersion: slot.version,
    level: (slot.version + 1) % 4,
    notApplicable: false,
    notes: "",
  });
}

/** Learns the answer's new version from a save's response (or the current one from a 409). */
function onSaved(slot: AutosaveSlot, status: number, body: string): "ok" | "conflict" | "other" {
  try {
    if (status === 200) {
      slot.version = (JSON.parse(body) as { answer: { version: number } }).answer.version;
      return "ok";
    }
    if (status === 409) {
      const current = (JSON.parse(body) as { current?: { version: number } | null }).current;
      if (current) slot.version = current.version;
      return "conflict";
    }
  } catch {
    // a compressed or truncated body: keep the version we had
  }
  return "other";
}

/** Reads every slot's answer version from the database until two reads agree (requests settled). */
async function settleSlots(prisma: PrismaClient, slots: AutosaveSlot[]): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const rows = await prisma.assessmentAnswer.findMany({
      where: { assessmentId: { in: slots.map((s) => s.assessmentId) } },
      select: { assessmentId: true, version: true, criterion: { select: { key: true } } },
    });
    const versions = new Map(rows.map((r) => [`${r.assessmentId} ${r.criterion.key}`, r.version]));
    let changed = false;
    for (const slot of slots) {
      const version = versions.get(`${slot.assessmentId} ${slot.criterionKey}`) ?? 0;
      if (version !== slot.version) changed = true;
      slot.version = version;
    }
    if (!changed) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

function saveUrl(session: Session, slot: AutosaveSlot): string {
  return orgApi(session.slug, `/assessments/${slot.assessmentId}/answers`);
}

async function warmUpAutosave(session: Session, slots: AutosaveSlot[]): Promise<void> {
  const statuses = await inParallel(WARMUP_REQUESTS, WARMUP_CONCURRENCY, async (i) => {
    const slot = slots[i % slots.length]!;
    const response = await fetch(`${session.base}${saveUrl(session, slot)}`, {
      method: "PUT",
      // No Accept-Encoding: the body is read for the new version.
      headers: { ...apiHeaders(session), "accept-encoding": "identity" },
      body: saveBody(slot),
      redirect: "manual",
    });
    const outcome = onSaved(slot, response.status, await response.text());
    return outcome === "ok" ? null : describe(response);
  });
  const bad = statuses.filter((s): s is string => s !== null);
  if (bad.length)
    console.warn(`  ⚠ warm-up: autosave answered ${bad.length}/${statuses.length} times not 200: ${bad[0]}`);
}

/**
 * `connections` people, each saving their own answer, pausing PAUSE_MS between the end of one
 * save and the next, for DURATION seconds. Each person keeps one connection (an undici pool of
 * one, like a browser tab's keep-alive connection). Latency counts 2xx saves, as autocannon does.
 */
async function peopleSaving(
  session: Session,
  serverUrl: string,
  slots: AutosaveSlot[],
  connections: number,
): Promise<{ row: Omit<Row, "size" | "scenario" | "connections">; conflicts: number }> {
  const latencies: number[] = [];
  const codes = new Map<number, number>();
  let total = 0;
  let errors = 0;
  let timeouts = 0;
  let conflicts = 0;
  let bytes = 0;
  const started = performance.now();
  const end = started + DURATION * 1000;
  const pause = () => PAUSE_MS.min + Math.random() * (PAUSE_MS.max - PAUSE_MS.min);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  await Promise.all(
    Array.from({ length: connections }, async (_, i) => {
      const slot = slots[i % slots.length]!;
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        await sleep(Math.random() * PAUSE_MS.max);
        while (performance.now() < end) {
          const sent = performance.now();
          total++;
          try {
            const response = await put(
              agent,
              new URL(saveUrl(session, slot), serverUrl),
              {
                ...apiHeaders(session),
                "accept-encoding": "identity",
              },
              saveBody(slot),
            );
            const took = performance.now() - sent;
            codes.set(response.status, (codes.get(response.status) ?? 0) + 1);
            if (onSaved(slot, response.status, response.body) === "conflict") conflicts++;
            if (response.status >= 200 && response.status < 300) {
              latencies.push(took);
              bytes += response.bytes;
            }
          } catch (error) {
            if ((error as Error).message === "timeout") timeouts++;
            else errors++;
          }
          await sleep(pause());
        }
      } finally {
        agent.destroy();
      }
    }),
  );

  latencies.sort((a, b) => a - b);
  const seconds = (performance.now() - started) / 1000;
  const ok = [...codes].filter(([code]) => code >= 200 && code < 300).reduce((n, [, c]) => n + c, 0);
  const non2xx = [...codes].filter(([code]) => code < 200 || code >= 300).reduce((n, [, c]) => n + c, 0);
  return {
    conflicts,
    row: {
      rps: total / seconds,
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
      total,
      ok,
      non2xx,
      statusCodes: [...codes]
        .filter(([code]) => code < 200 || code >= 300)
        .map(([code, count]) => `${code}×${count}`)
        .join(", "),
      conflicts,
      errors,
      timeouts,
      bytesPerResponse: ok > 0 ? bytes / ok : NaN,
    },
  };
}

/** One PUT on a keep-alive agent: status, body, and bytes received (header block + body). */
function put(
  agent: http.Agent,
  url: URL,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "PUT", agent, headers, timeout: TIMEOUT_S * 1000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const text = Buffer.concat(chunks);
        // The raw header block: status line, each header line, the blank line.
        const head =
          `HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n`.length +
          response.rawHeaders.reduce((n, part) => n + part.length + 2, 0) +
          2;
        resolve({ status: response.statusCode ?? 0, body: text.toString("utf8"), bytes: head + text.length });
      });
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", reject);
    request.end(body);
  });
}

// ─── One portfolio size ────────────────────────────────────────────────────────────────────

async function benchSize(admin: pg.Client, serverUrl: string, pilots: number, workDir: string): Promise<Row[]> {
  const scratch = await createScratchDatabase(admin, serverUrl, `preflight_bench_load_${pilots}`);
  const databaseUrl = scratch.url;
  const dropDatabase = defer(async () => {
    if (KEEP) console.log(`Kept the database for ${pilots.toLocaleString("en")} pilots: ${databaseUrl}`);
    else await scratch.drop();
  });

  await applyMigrations(new PrismaPg({ connectionString: databaseUrl, max: 1 }));
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 4 }) });
  const disconnect = defer(() => prisma.$disconnect());
  installDb(prisma);

  const owner = await signUp({ name: "Bench", email: EMAIL, password: PASSWORD, organizationName: "Bench" });
  const seedStart = performance.now();
  const seeded = await seedScalePortfolio(pilots, owner.userId, {
    onProgress: (done, total) => process.stderr.write(`\r  seeding: ${done}/${total} pilots`),
  });
  process.stderr.write("\n");
  console.log(
    `${pilots.toLocaleString("en")} pilots: seeded ${seeded.assessments.toLocaleString("en")} assessments and ` +
      `${seeded.answers.toLocaleString("en")} answers in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );
  // The steady state autovacuum keeps a live database in: statistics and visibility map current.
  await prisma.$executeRawUnsafe("VACUUM ANALYZE");

  const { slug } = await prisma.organization.findUniqueOrThrow({
    where: { id: seeded.organizationId },
    select: { slug: true },
  });
  const [unitRow] = await prisma.$queryRaw<{ unit: string }[]>`
    SELECT "businessUnit" AS unit FROM "Pilot"
    WHERE "organizationId" = ${seeded.organizationId} AND stage = 'PILOT' AND "archivedAt" IS NULL
    GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`;
  // The pilot page of a mature pilot: the one with the most assessments.
  const [pagePilot] = await prisma.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM "Pilot" p JOIN "Assessment" a ON a."pilotId" = p.id
    WHERE p."organizationId" = ${seeded.organizationId}
    GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1`;
  const slotCount = Math.min(Math.max(...CONNECTIONS), pilots);
  const autosavePilots = (
    await prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Pilot" WHERE "organizationId" = ${seeded.organizationId} AND "archivedAt" IS NULL
      ORDER BY "createdAt" DESC, id LIMIT ${slotCount}`
  ).map((r) => r.id);
  if (!unitRow || !pagePilot) throw new Error("The seeded portfolio has no PILOT-stage unit or no assessed pilot");

  const port = PORT ?? (await freePort());
  const publicUrl = `http://localhost:${port}`;
  const logFile = path.join(workDir, `next-start-${pilots}.log`);
  console.log(`Starting next start on port ${port} (log: ${logFile})…`);
  const server: RunningServer = await startNextServer({
    port,
    logFile,
    workers: WORKERS,
    env: {
      ...rawProcessEnv(),
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: "10",
      NEXTAUTH_SECRET: randomBytes(36).toString("base64url"), // 48 characters
      NEXTAUTH_URL: publicUrl,
    },
  });
  const stopServer = defer(() => server.stop());

  const token = await signInOverHttp(server.url, EMAIL, PASSWORD);
  const session: Session = {
    base: server.url,
    publicUrl,
    slug,
    cookie: `${SESSION_COOKIE}=${token}; ${LAST_ORG_COOKIE}=${slug}`,
  };
  const check = await get(session, orgPath(slug, "/dashboard"));
  const checkBody = await check.text();
  if (check.status !== 200)
    throw new Error(`Signed in, but GET ${orgPath(slug, "/dashboard")} answered ${describe(check)}`);
  console.log(
    `Signed in as ${EMAIL}; GET ${orgPath(slug, "/dashboard")} answers 200 (${size(Buffer.byteLength(checkBody))} of HTML, decoded)`,
  );

  const gets: Record<Exclude<ScenarioId, "autosave" | "autosave-paced">, { label: string; path: string }> = {
    dashboard: { label: "dashboard", path: orgPath(slug, "/dashboard") },
    "dashboard-filtered": {
      label: "dashboard (filtered)",
      path: `${orgPath(slug, "/dashboard")}?${new URLSearchParams({ stage: "PILOT", unit: unitRow.unit })}`,
    },
    "pilot-list": { label: "pilot list", path: orgPath(slug, "/pilots") },
    "pilot-page": { label: "pilot page", path: orgPath(slug, `/pilots/${pagePilot.id}`) },
    // A signed-in page with almost nothing on it (the empty form): what any page costs here,
    // the floor under the figures above.
    "small-page": { label: "small page (new pilot form)", path: orgPath(slug, "/pilots/new") },
  };

  const rows: Row[] = [];
  let slots: AutosaveSlot[] | null = null;
  for (const scenario of SCENARIOS) {
    for (const connections of CONNECTIONS) {
      const common = { connections, duration: DURATION, timeout: TIMEOUT_S };
      let run: { result: autocannon.Result; latencies: number[] };
      let conflicts: number | null = null;
      let label: string;
      if (scenario === "autosave" || scenario === "autosave-paced") {
        const paced = scenario === "autosave-paced";
        label = paced ? `autosave, people typing (pause ${PAUSE_MS.min}–${PAUSE_MS.max} ms)` : "autosave";
        if (!slots) {
          console.log(`  autosave: starting ${autosavePilots.length} assessments through the API…`);
          slots = await prepareAutosave(session, autosavePilots);
        }
        // Saves cut off at the end of the previous run may still land: wait until the versions
        // stop changing and start from them, so that no 409 is an artefact of the harness.
        await settleSlots(prisma, slots);
        await warmUpAutosave(session, slots);
        process.stderr.write(`  running ${label} @ ${connections} connections for ${DURATION} s…\n`);
        const ownSlots = slots;
        let conflictCount = 0;
        if (paced) {
          const people = await peopleSaving(session, server.url, ownSlots, connections);
          conflictCount = people.conflicts;
          await new Promise((r) => setTimeout(r, 1000));
          const row = { ...people.row, size: pilots, scenario: label, connections };
          printRow(row);
          rows.push(row);
          continue;
        }
        let nextClient = 0;
        // Each connection owns one slot (an assessment and one of its criteria): no races, no 409s,
        // unless there are more connections than slots.
        run = await cannon({
          ...common,
          url: server.url,
          setupClient: (client) => {
            const slot = ownSlots[nextClient++ % ownSlots.length]!;
            client.setRequests([
              {
                method: "PUT",
                path: saveUrl(session, slot),
                // Identity encoding: the response body is read for the answer's new version.
                headers: { ...apiHeaders(session), "accept-encoding": "identity" },
                setupRequest: (request) => ({ ...request, body: saveBody(slot) }),
                onResponse: (status, body) => {
                  if (onSaved(slot, status, body) === "conflict") conflictCount++;
                },
              },
            ]);
          },
        });
        conflicts = conflictCount;
      } else {
        const { label: l, path: pathname } = gets[scenario];
        label = l;
        await warmUpGet(session, pathname);
        process.stderr.write(`  running ${label} @ ${connections} connections for ${DURATION} s…\n`);
        run = await cannon({ ...common, url: `${server.url}${pathname}`, headers: pageHeaders(session) });
      }
      // Let requests cut off at the end of the run drain before the next one.
      await new Promise((r) => setTimeout(r, 1000));
      const row = toRow(pilots, label, connections, run, conflicts);
      printRow(row);
      rows.push(row);
    }
  }

  const log = readFileSync(logFile, "utf8");
  const errorLines = log.split("\n").filter((line) => /error|⨯/i.test(line));
  if (errorLines.length) {
    console.warn(`  ⚠ the server logged ${errorLines.length} error line(s); the last ones:\n${tail(logFile, 15)}`);
    KEEP_WORK_DIR.value = true;
  }

  // Stop the server and drop this size's database before the next size.
  await stopServer();
  await disconnect();
  await dropDatabase();
  return rows;
}

// ─── Main ──────────────────────────────────────────────────────────────────────────────────

function markdown(rows: Row[]): string {
  const withConflicts = rows.some((r) => r.conflicts !== null);
  const head = [
    "pilots",
    "scenario",
    "connections",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "requests",
    "non-2xx",
    ...(withConflicts ? ["409"] : []),
    "errors",
    "timeouts",
    GZIP ? "bytes/response (gzip)" : "bytes/response",
  ];
  const align = head.map((_, i) => (i === 1 ? "---" : "--:"));
  const lines = [`| ${head.join(" | ")} |`, `| ${align.join(" | ")} |`];
  for (const r of rows) {
    lines.push(
      `| ${[
        int(r.size),
        r.scenario,
        String(r.connections),
        r.rps.toFixed(1),
        msec(r.p50),
        msec(r.p95),
        msec(r.p99),
        int(r.total),
        int(r.non2xx),
        ...(withConflicts ? [r.conflicts === null ? "" : int(r.conflicts)] : []),
        int(r.errors),
        int(r.timeouts),
        size(r.bytesPerResponse),
      ].join(" | ")} |`,
    );
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  if (BUILD) buildIfNeeded(rawProcessEnv());
  else if (!existsSync(path.join(".next", "BUILD_ID")))
    throw new Error("No production build in .next (run `npx next build`, or drop --no-build)");

  const serverUrl = env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  defer(() => admin.end());
  const version = (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;

  const workDir = mkdtempSync(path.join(os.tmpdir(), "preflight-bench-load-"));
  defer(async () => {
    if (KEEP_WORK_DIR.value) console.log(`Server logs kept in ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  });

  const machine =
    `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}, ` +
    `PostgreSQL ${version}`;
  console.log(
    `Load: ${SCENARIOS.join(", ")} at ${CONNECTIONS.join(", ")} connections, ${DURATION} s each after ` +
      `${WARMUP_REQUESTS} warm-up requests; next start (${WORKERS === 1 ? "one process" : `${WORKERS} processes`}), DATABASE_POOL_MAX=10 each; ${GZIP ? "Accept-Encoding: gzip" : "no compression"}\n` +
      `Machine: ${machine}; autocannon runs on the same machine\n`,
  );

  const rows: Row[] = [];
  for (const pilots of SIZES) rows.push(...(await benchSize(admin, serverUrl, pilots, workDir)));

  console.log(
    `\nnext start under autocannon load: ${DURATION} s per run, ${TIMEOUT_S} s request timeout; ` +
      `machine: ${machine}. Latency and bytes over 2xx responses; bytes are headers + body as sent.\n`,
  );
  console.log(markdown(rows));
  const worst = rows.filter((r) => r.non2xx - (r.conflicts ?? 0) > 0 || r.errors > 0);
  if (worst.length)
    console.log(
      `\n⚠ ${worst.length} run(s) had non-2xx answers or errors: ${worst.map((r) => `${r.scenario}@${r.connections}`).join(", ")}`,
    );
}

main()
  .then(() => cleanUp())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    KEEP_WORK_DIR.value = true;
    await cleanUp();
    process.exit(1);
  });
