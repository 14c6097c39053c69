/**
 * `npm run size`: the gzipped JavaScript a page loads, read from the production build
 * (`npm run build` first). Prints the shared runtime, the page's own chunks and the total.
 *
 *   npm run size                       the dashboard
 *   npm run size -- "/(app)/pilots/page"
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const route = process.argv[2] ?? "/o/[org]/dashboard/page";
const next = path.resolve(".next");
const manifestFile = path.join(next, "server", "app", `${route}_client-reference-manifest.js`);
if (!existsSync(manifestFile)) {
  console.error(`No build for ${route}: run npm run build first (looked for ${manifestFile}).`);
  process.exit(1);
}

const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
new Function("globalThis", readFileSync(manifestFile, "utf8"))(sandbox);
const manifest = sandbox.__RSC_MANIFEST![route]!;
const pageKey = Object.keys(manifest.entryJSFiles).find((k) => k.endsWith(route.replace(/\/page$/, "/page")))!;
const build = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")) as {
  rootMainFiles: string[];
  polyfillFiles: string[];
};

const shared = [...build.rootMainFiles];
const page = manifest.entryJSFiles[pageKey]!.filter((f) => !shared.includes(f));
const size = (file: string) => gzipSync(readFileSync(path.join(next, file))).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

const sharedBytes = shared.reduce((sum, f) => sum + size(f), 0);
const pageBytes = page.reduce((sum, f) => sum + size(f), 0);
console.log(`${route}: gzipped JavaScript loaded by the page (polyfills for old browsers not counted)`);
console.log(`  shared runtime (${shared.length} files): ${kb(sharedBytes)}`);
console.log(`  layouts and page (${page.length} files): ${kb(pageBytes)}`);
console.log(`  total: ${kb(sharedBytes + pageBytes)}`);
