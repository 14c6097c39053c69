/**
 * `npm start` builds first when there is no current production build. "Current" means
 * built from exactly these sources: a fingerprint of them is stored next to the build.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const INPUTS = [
  "src",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const FINGERPRINT_FILE = path.join(".next", "preflight-fingerprint");

function* files(entry: string): Generator<string> {
  if (!existsSync(entry)) return;
  if (statSync(entry).isFile()) {
    yield entry;
    return;
  }
  for (const name of readdirSync(entry).sort()) {
    if (name === "generated" || name.endsWith(".test.ts")) continue;
    yield* files(path.join(entry, name));
  }
}

export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of files(input)) hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

export function isBuildCurrent(): boolean {
  return (
    existsSync(path.join(".next", "BUILD_ID")) &&
    existsSync(FINGERPRINT_FILE) &&
    readFileSync(FINGERPRINT_FILE, "utf8") === sourceFingerprint()
  );
}

export function buildIfNeeded(env: NodeJS.ProcessEnv): void {
  if (isBuildCurrent()) return;
  console.log("▸ No current production build: building (about a minute)…");
  const fingerprint = sourceFingerprint();
  const result = spawnSync(process.execPath, [nextBin(), "build"], {
    stdio: "inherit",
    env: { ...env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("The production build failed; see the output above.");
  writeFileSync(FINGERPRINT_FILE, fingerprint);
}

/** The launcher that runs `next start` in several processes on one port (see next-cluster.mjs). */
export function clusterScript(): string {
  return path.resolve("scripts", "lib", "next-cluster.mjs");
}

export function nextBin(): string {
  return path.resolve("node_modules", "next", "dist", "bin", "next");
}

/**
 * The Node command line for the web server: `next start` alone, or through next-cluster.mjs for
 * several processes on one port (whose workers inherit these Node options).
 *
 * `--max-semi-space-size=64` (MB): rendering a page allocates a great deal of short-lived
 * objects, and with Node's default young generation (16 MB) the garbage collector ran for a tenth
 * of a busy server's time. A larger one collects less often; on this project's 2-core machine it
 * served 10–18% more pages a second (dashboard 39.9 → 44.9, small page 111 → 119 at 50
 * connections; README, "Pages under load"). Not for `next dev`, which is not measured.
 */
export function webServerArgv(options: { port: number; workers: number; dev?: boolean }): string[] {
  if (options.dev) return [nextBin(), "dev", "-p", String(options.port)];
  const node = ["--max-semi-space-size=64"];
  return options.workers > 1
    ? [...node, clusterScript(), nextBin(), String(options.port), String(options.workers)]
    : [...node, nextBin(), "start", "-p", String(options.port)];
}
