/**
 * Finds every entry point in the source tree, so a new one is knocked on (or named as
 * unguarded) without anyone listing it: the server actions in `src/modules/<module>/actions.ts`,
 * the route handlers in `src/app/**\/route.ts` and the pages under `src/app/o/[org]`.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { doorOf, type DoorSpec } from "@/modules/access";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/**
 * Route files whose handlers are not built by our wrappers, and why that is right.
 * Anything else without a door spec fails the test.
 */
export const UNWRAPPED_ROUTES: Record<string, string> = {
  // next-auth's own handler: it *is* the sign-in (credentials, CSRF token, session cookie), so it
  // is public by nature and checks its callers itself; the session it issues is what every
  // other door reads.
  "src/app/api/auth/[...nextauth]/route.ts": "next-auth",
};

export type Door = DoorSpec & { name: string };

export interface ActionDoor {
  label: string;
  file: string;
  exportName: string;
  fn: (...args: unknown[]) => Promise<unknown>;
  spec: Door;
}

export interface RouteDoor {
  label: string;
  file: string;
  method: string;
  /** e.g. `/api/o/[org]/pilots/[id]` */
  path: string;
  fn: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
  spec: Door;
}

export interface PageDoor {
  label: string;
  file: string;
  path: string;
  render: (props: {
    params: Promise<Record<string, string>>;
    searchParams: Promise<Record<string, string>>;
  }) => unknown;
}

export interface Discovery {
  actions: ActionDoor[];
  routes: RouteDoor[];
  pages: PageDoor[];
  /** Exports that should be doors but carry no spec, e.g. `src/modules/x/actions.ts: doIt`. */
  unguarded: string[];
  /** Modules that could not be imported, with the error. */
  broken: string[];
}

const posix = (p: string) => p.split(path.sep).join("/");

function walk(dir: string, keep: (file: string) => boolean): string[] {
  const abs = path.join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return (readdirSync(abs, { recursive: true, encoding: "utf8" }) as string[])
    .map((rel) => posix(path.join(dir, rel)))
    .filter(keep)
    .sort();
}

export function actionFiles(): string[] {
  return readdirSync(path.join(ROOT, "src/modules"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `src/modules/${entry.name}/actions.ts`)
    .filter((file) => existsSync(path.join(ROOT, file)))
    .sort();
}

export const routeFiles = () => walk("src/app", (f) => /\/route\.tsx?$/.test(f));
export const pageFiles = () => walk("src/app/o/[org]", (f) => /\/page\.tsx?$/.test(f));

/** `src/app/api/o/[org]/pilots/route.ts` → `/api/o/[org]/pilots` (route groups dropped). */
export function urlPathOf(file: string): string {
  const segments = file
    .replace(/^src\/app/, "")
    .split("/")
    .slice(0, -1)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

/** The dynamic segments of a URL path: `/o/[org]/pilots/[id]` → ["org", "id"]. */
export function dynamicSegments(urlPath: string): string[] {
  return [...urlPath.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]!);
}

async function load(file: string, broken: string[]): Promise<Record<string, unknown> | null> {
  try {
    return (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
  } catch (error) {
    broken.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

export async function discoverDoors(): Promise<Discovery> {
  const out: Discovery = { actions: [], routes: [], pages: [], unguarded: [], broken: [] };

  for (const file of actionFiles()) {
    const mod = await load(file, out.broken);
    if (!mod) continue;
    const moduleName = file.split("/")[2]!;
    for (const [exportName, value] of Object.entries(mod)) {
      const spec = doorOf(value);
      if (!spec) {
        out.unguarded.push(`${file}: ${exportName}`);
        continue;
      }
      out.actions.push({
        label: `action ${moduleName}.${spec.name}`,
        file,
        exportName,
        fn: value as ActionDoor["fn"],
        spec,
      });
    }
  }

  for (const file of routeFiles()) {
    const mod = await load(file, out.broken);
    if (!mod) continue;
    const urlPath = urlPathOf(file);
    for (const method of HTTP_METHODS) {
      const value = mod[method];
      if (value === undefined) continue;
      const spec = doorOf(value);
      if (!spec) {
        if (!(file in UNWRAPPED_ROUTES)) out.unguarded.push(`${file}: ${method}`);
        continue;
      }
      out.routes.push({
        label: `route ${method} ${urlPath}`,
        file,
        method,
        path: urlPath,
        fn: value as RouteDoor["fn"],
        spec,
      });
    }
  }

  for (const file of pageFiles()) {
    const mod = await load(file, out.broken);
    if (!mod) continue;
    const urlPath = urlPathOf(file);
    if (typeof mod.default !== "function") {
      out.unguarded.push(`${file}: default export is not a page component`);
      continue;
    }
    out.pages.push({ label: `page ${urlPath}`, file, path: urlPath, render: mod.default as PageDoor["render"] });
  }

  return out;
}
