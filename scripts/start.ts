/**
 * `npm start`: one command from a fresh clone to a running app.
 *  1. builds the production bundle if it is missing or stale;
 *  2. opens the database — PostgreSQL when DATABASE_URL is set, otherwise the embedded
 *     PGlite folder, which this process claims and then owns for its whole life;
 *  3. applies pending migrations, and seeds the demo organisation on first run;
 *  4. starts `next start` (in WEB_CONCURRENCY processes on PostgreSQL); with the embedded database it serves PGlite to the web server
 *     over PostgreSQL's wire protocol on a loopback port, so the app has one code path.
 * `--dev` (npm run dev) does the same around `next dev`, without the production build.
 */
import { spawn } from "node:child_process";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { env, rawProcessEnv } from "@/lib/env";
import { installDb } from "@/lib/db";
import { applyMigrations } from "@/lib/database/migrations";
import { openDatabase } from "@/lib/database/open";
import { DataDirBusyError } from "@/lib/database/embedded";
import { DEMO_LOGIN, DEMO_VIEWER, isEmptyDatabase, seedDemo } from "@/modules/demo";
import { buildIfNeeded, webServerArgv } from "./lib/build";
import { localSessionSecret } from "./lib/secret";

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

const dev = process.argv.includes("--dev");

async function main() {
  // NEXTAUTH_SECRET in production is enforced by src/lib/env.ts, when `env` is first imported.
  if (!dev) buildIfNeeded(rawProcessEnv());

  const database = await openDatabase(
    dev ? "the Preflight dev server (npm run dev)" : "the Preflight server (npm start)",
  ).catch((error: unknown) => {
    if (error instanceof DataDirBusyError) fail(error.message);
    throw error;
  });
  console.log(`▸ Database: ${database.label}`);
  const applied = await applyMigrations(database.adapterFactory);
  console.log(applied.length ? `▸ Applied migrations: ${applied.join(", ")}` : "▸ Migrations: up to date");

  installDb(database.prisma);
  const seedWanted =
    env.PREFLIGHT_DEMO_DATA === "true" || (env.PREFLIGHT_DEMO_DATA === "auto" && database.embedded !== null);
  let seeded = false;
  if (seedWanted && (await isEmptyDatabase())) {
    await seedDemo();
    seeded = true;
    console.log("▸ Seeded the demo organisation");
  }

  let databaseUrl = env.DATABASE_URL;
  let socketServer: PGLiteSocketServer | null = null;
  if (database.embedded) {
    // One connection: PGlite is a single session, and multiplexing clients onto it is unsafe.
    socketServer = new PGLiteSocketServer({
      db: database.embedded.pglite,
      host: "127.0.0.1",
      port: 0,
      maxConnections: 1,
    });
    await socketServer.start();
    const address = socketServer.getServerConn();
    databaseUrl = `postgresql://postgres:postgres@${address}/postgres?sslmode=disable`;
  }

  const port = env.PORT;
  const secret = env.NEXTAUTH_SECRET ?? localSessionSecret(env.PREFLIGHT_DATA_DIR);
  // Several processes share the port on PostgreSQL (next-cluster.mjs); the embedded database
  // serves one connection, so it gets one process.
  const workers = dev || database.embedded ? 1 : env.WEB_CONCURRENCY;
  const child = spawn(process.execPath, webServerArgv({ port, workers, dev }), {
    stdio: "inherit",
    env: {
      ...rawProcessEnv(),
      NODE_ENV: dev ? "development" : "production",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: database.embedded ? "1" : String(env.DATABASE_POOL_MAX),
      NEXTAUTH_SECRET: secret,
      PREFLIGHT_EMBEDDED: database.embedded ? "true" : "false",
      NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    },
  });

  const demoNote =
    seeded || (database.embedded && env.PREFLIGHT_DEMO_DATA !== "false")
      ? `\n  Demo login:  ${DEMO_LOGIN.email}  /  ${DEMO_LOGIN.password}   (team lead, owner)\n              ${DEMO_VIEWER.email}  /  ${DEMO_VIEWER.password}   (executive, viewer)`
      : "";
  console.log(`\n✔ Preflight is starting on http://localhost:${port}${demoNote}\n  Press Ctrl+C to stop.\n`);

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null) child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(null)));
    await socketServer?.stop();
    await database.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  child.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
