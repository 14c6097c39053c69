/**
 * `npm run bench:workshop`: a live workshop over HTTP on loopback. It creates a scratch
 * PostgreSQL database, sets up a workshop of 10 items, starts the production server
 * (`next start`, pool of 10), signs the facilitator in, and has 50 simulated participants join by
 * name and follow the workshop as the phone page does (long polling: `/w/{code}/state?since=<version>&wait=1`,
 * which the server holds until the next change, then vote on each new item). The facilitator waits for every vote, reveals,
 * records the agreement and moves on with "next". It prints the delay from the facilitator's
 * "next" (the moment the request is sent) to each participant's screen having the new item,
 * the vote round trip (POST to answer), and the votes lost (acknowledged but not stored, or
 * refused). A benchmark, not a test: it exits non-zero only when the workshop cannot be run.
 *
 *   npm run bench:workshop
 *   npm run bench:workshop -- --participants 100 --items 10 --port 3235 (--interval: ms before retrying after an error)
 * PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres
 * (a scratch database is created on that server and dropped afterwards). The participants run
 * in this process, on the same machine as the server and the database.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { installDb } from "@/lib/db";
import { env, rawProcessEnv } from "@/lib/env";
import { applyMigrations } from "@/lib/database/migrations";
import { signUp } from "@/modules/auth";
import { createTestPilot } from "@/modules/demo";
import { currentPublishedVersionId, DEFAULT_FRAMEWORK } from "@/modules/frameworks";
// The set-up functions only: the module's index also loads the access doors (next/navigation), which
// cannot load in a script outside Next's runtime.
// eslint-disable-next-line no-restricted-imports
import { createWorkshop, getWorkshop, openWorkshop } from "@/modules/workshops/service";
import type { ParticipantState } from "@/modules/workshops/shared";
import { buildIfNeeded } from "./lib/build";
import { freePort, SESSION_COOKIE, signInOverHttp, startNextServer } from "./lib/next-server";
import { createScratchDatabase } from "./lib/scratch-database";

const args = process.argv.slice(2);
function option(name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} takes a positive whole number`);
  return value;
}
const PARTICIPANTS = option("participants", 50);
const ITEMS = option("items", 10);
const INTERVAL_MS = option("interval", 400);
const PORT_OPTION = args.includes("--port") ? option("port", 3235) : null;
const EMAIL = "facilitator@bench.example";
const PASSWORD = "bench passphrase 2026";

const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp() {
  while (cleanups.length) await cleanups.pop()!().catch((e: unknown) => console.error("cleanup:", e));
}
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void cleanUp().finally(() => process.exit(130)));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const ms = (v: number) => `${v.toFixed(0)} ms`;

interface Participant {
  name: string;
  cookie: string;
  version: number;
  itemId: string | null;
  /** When this participant first had each item on screen (performance.now()). */
  seen: Map<string, number>;
  acknowledged: number;
  refused: number;
}

async function main() {
  buildIfNeeded(rawProcessEnv());
  const serverUrl = env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  cleanups.push(() => admin.end());
  const scratch = await createScratchDatabase(admin, serverUrl, "preflight_bench_workshop");
  cleanups.push(() => scratch.drop());
  await applyMigrations(new PrismaPg({ connectionString: scratch.url, max: 1 }));
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.url, max: 4 }) });
  cleanups.push(() => prisma.$disconnect());
  installDb(prisma);

  // The workshop: one pilot, the first ITEMS criteria of the default framework.
  const owner = await signUp({ name: "Facilitator", email: EMAIL, password: PASSWORD, organizationName: "Bench" });
  const actor = { ...owner, role: "OWNER" as const };
  const pilot = await createTestPilot(actor);
  const keys = DEFAULT_FRAMEWORK.pillars.flatMap((p) => p.criteria.map((c) => c.key)).slice(0, ITEMS);
  const { id: workshopId } = await createWorkshop(actor, {
    title: "Bench workshop",
    date: new Date().toISOString().slice(0, 10),
    pilotIds: [pilot.id],
    frameworkVersionId: await currentPublishedVersionId(actor),
    criterionKeys: keys,
  });
  await openWorkshop(actor, workshopId);
  const { code } = await getWorkshop(actor, workshopId);

  const port = PORT_OPTION ?? (await freePort());
  const publicUrl = `http://localhost:${port}`;
  const workDir = mkdtempSync(path.join(os.tmpdir(), "preflight-bench-workshop-"));
  cleanups.push(async () => rmSync(workDir, { recursive: true, force: true }));
  const server = await startNextServer({
    port,
    logFile: path.join(workDir, "next-start.log"),
    env: {
      ...rawProcessEnv(),
      NODE_ENV: "production",
      DATABASE_URL: scratch.url,
      DATABASE_POOL_MAX: "10",
      NEXTAUTH_SECRET: randomBytes(36).toString("base64url"),
      NEXTAUTH_URL: publicUrl,
    },
  });
  cleanups.push(() => server.stop());
  const base = server.url;
  const origin = { origin: publicUrl };
  const facilitatorCookie = `${SESSION_COOKIE}=${await signInOverHttp(base, EMAIL, PASSWORD)}`;
  const api = `${base}/api/o/${owner.organizationSlug}/workshops/${workshopId}`;

  async function control(op: Record<string, unknown>) {
    const response = await fetch(`${api}/control`, {
      method: "POST",
      headers: { ...origin, cookie: facilitatorCookie, "content-type": "application/json" },
      body: JSON.stringify(op),
    });
    if (!response.ok)
      throw new Error(`control ${JSON.stringify(op)} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { item: { id: string; position: number; votedCount: number } };
  }

  // Join: as the phone page does, one POST each; the answer sets the workshop's cookie.
  const participants: Participant[] = [];
  for (let i = 0; i < PARTICIPANTS; i++) {
    const response = await fetch(`${base}/w/${code}/join`, {
      method: "POST",
      headers: { ...origin, "content-type": "application/json" },
      body: JSON.stringify({ displayName: `Participant ${i + 1}` }),
    });
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";", 1)[0]!)
      .find((c) => c.startsWith("preflight-workshop="));
    if (!response.ok || !cookie) throw new Error(`join answered ${response.status}: ${await response.text()}`);
    participants.push({
      name: `P${i}`,
      cookie,
      version: -1,
      itemId: null,
      seen: new Map(),
      acknowledged: 0,
      refused: 0,
    });
  }
  console.log(`${PARTICIPANTS} participants joined workshop ${code} (${ITEMS} items); long polling`);

  const voteTrips: number[] = [];
  let stop = false;
  const stopping = new AbortController();
  async function follow(p: Participant) {
    // Phones join at different moments.
    await sleep(Math.random() * INTERVAL_MS);
    while (!stop) {
      // As the phone page does: a request held by the server until the next change (long polling).
      const response = await fetch(`${base}/w/${code}/state?since=${p.version}&wait=1`, {
        headers: { cookie: p.cookie },
        signal: stopping.signal,
      }).catch(() => null);
      if (!response) return;
      if (response.status === 200) {
        const state = (await response.json()) as ParticipantState;
        p.version = state.version;
        const item = state.item;
        if (item && item.id !== p.itemId) {
          p.itemId = item.id;
          p.seen.set(item.id, performance.now());
          if (!item.revealed) void vote(p, item.id);
        }
      } else if (response.status !== 204) {
        await response.text();
        if (response.status === 409) return; // closed
      }
      if (response.status !== 200 && response.status !== 204) await sleep(INTERVAL_MS);
    }
  }
  async function vote(p: Participant, itemId: string) {
    // A person reads the item first: 0.3–1.5 s.
    await sleep(300 + Math.random() * 1200);
    const started = performance.now();
    const response = await fetch(`${base}/w/${code}/vote`, {
      method: "POST",
      headers: { ...origin, cookie: p.cookie, "content-type": "application/json" },
      body: JSON.stringify({ itemId, level: Math.floor(Math.random() * 4), comment: "" }),
    });
    await response.text();
    voteTrips.push(performance.now() - started);
    if (response.ok) p.acknowledged += 1;
    else p.refused += 1;
  }

  const followers = participants.map(follow);
  const delays: number[] = [];
  let current = await control({ op: "goto", position: 0 });
  for (let position = 0; position < ITEMS; position++) {
    // Wait for every vote (at most 15 s), reveal, agree, next.
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const response = await fetch(`${api}/state`, { headers: { cookie: facilitatorCookie } });
      const state = (await response.json()) as { item: { votedCount: number } };
      if (state.item.votedCount >= PARTICIPANTS) break;
      await sleep(100);
    }
    await control({ op: "reveal", itemId: current.item.id });
    await control({ op: "agree", itemId: current.item.id, level: 2 });
    if (position === ITEMS - 1) break;
    const sentAt = performance.now();
    current = await control({ op: "goto", position: position + 1 });
    const next = current.item.id;
    const until = Date.now() + 10_000;
    while (Date.now() < until && participants.some((p) => !p.seen.has(next))) await sleep(20);
    for (const p of participants) {
      const seenAt = p.seen.get(next);
      if (seenAt !== undefined) delays.push(seenAt - sentAt);
    }
    const missing = participants.filter((p) => !p.seen.has(next)).length;
    if (missing) console.warn(`  item ${position + 2}: ${missing} participants never saw it within 10 s`);
  }
  stop = true;
  stopping.abort();
  await Promise.all(followers);
  await sleep(2000); // votes still in flight

  const stored = await prisma.workshopVote.count({ where: { workshopId } });
  const acknowledged = participants.reduce((n, p) => n + p.acknowledged, 0);
  const refused = participants.reduce((n, p) => n + p.refused, 0);
  const lost = acknowledged - stored + refused;
  const transitions = ITEMS - 1;
  console.log(
    `\nMachine: ${os.cpus().length} cores, Node ${process.version}; next start (pool of 10) on PostgreSQL, loopback.\n` +
      `"next" → participant's screen has the new item (${transitions} transitions × ${PARTICIPANTS} participants = ${delays.length} samples):\n` +
      `  p50 ${ms(percentile(delays, 50))} · p95 ${ms(percentile(delays, 95))} · max ${ms(Math.max(...delays))}\n` +
      `vote round trip (${voteTrips.length} votes): p50 ${ms(percentile(voteTrips, 50))} · p95 ${ms(percentile(voteTrips, 95))}\n` +
      `votes: ${acknowledged} acknowledged, ${stored} stored, ${refused} refused → ${lost} lost\n` +
      `target: p95 ≤ 1000 ms and 0 lost votes: ${percentile(delays, 95) <= 1000 && lost === 0 ? "met" : "NOT met"}`,
  );
}

main()
  .then(() => cleanUp())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await cleanUp();
    process.exit(1);
  });
