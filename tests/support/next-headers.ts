/**
 * Stands in for `next/headers` in the db test project (aliased in vitest.config.ts). Next's
 * own `cookies()` and `headers()` need the request store its server sets up; here a test sets
 * the request with `withRequest({ cookies, headers }, fn)` and the app code inside `fn` reads
 * it through the same functions. Outside `withRequest` both answer an empty request.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface TestRequest {
  cookies?: Record<string, string>;
  headers?: Record<string, string>;
}

interface Store {
  cookies: Map<string, string>;
  headers: Headers;
}

// On globalThis, so a second copy of this module (should one ever be loaded) shares the store.
const holder = globalThis as unknown as { __testRequestStorage?: AsyncLocalStorage<Store> };
const storage = (holder.__testRequestStorage ??= new AsyncLocalStorage<Store>());

/** Runs `fn` as if it were handling a request with these cookies and headers. */
export function withRequest<T>(request: TestRequest, fn: () => T): T {
  const cookies = new Map(Object.entries(request.cookies ?? {}));
  const headers = new Headers(request.headers ?? {});
  if (cookies.size > 0 && !headers.has("cookie")) {
    headers.set("cookie", [...cookies].map(([name, value]) => `${name}=${value}`).join("; "));
  }
  return storage.run({ cookies, headers }, fn);
}

export interface TestCookie {
  name: string;
  value: string;
}

/** The subset of Next's ReadonlyRequestCookies (plus set/delete, as in actions) the app may use. */
class CookieJar {
  constructor(private readonly jar: Map<string, string>) {}
  get(nameOrCookie: string | { name: string }): TestCookie | undefined {
    const name = typeof nameOrCookie === "string" ? nameOrCookie : nameOrCookie.name;
    const value = this.jar.get(name);
    return value === undefined ? undefined : { name, value };
  }
  getAll(name?: string | { name: string }): TestCookie[] {
    const all = [...this.jar].map(([n, value]) => ({ name: n, value }));
    if (name === undefined) return all;
    const wanted = typeof name === "string" ? name : name.name;
    return all.filter((c) => c.name === wanted);
  }
  has(name: string): boolean {
    return this.jar.has(name);
  }
  set(nameOrCookie: string | TestCookie, value?: string): this {
    if (typeof nameOrCookie === "string") this.jar.set(nameOrCookie, value ?? "");
    else this.jar.set(nameOrCookie.name, nameOrCookie.value);
    return this;
  }
  delete(name: string | string[]): this {
    for (const n of Array.isArray(name) ? name : [name]) this.jar.delete(n);
    return this;
  }
  get size(): number {
    return this.jar.size;
  }
  toString(): string {
    return [...this.jar].map(([n, v]) => `${n}=${encodeURIComponent(v)}`).join("; ");
  }
  [Symbol.iterator](): IterableIterator<[string, TestCookie]> {
    return [...this.jar].map(([n, value]): [string, TestCookie] => [n, { name: n, value }])[Symbol.iterator]();
  }
}

export async function cookies(): Promise<CookieJar> {
  return new CookieJar(storage.getStore()?.cookies ?? new Map());
}

export async function headers(): Promise<Headers> {
  return storage.getStore()?.headers ?? new Headers();
}

export async function draftMode() {
  return { isEnabled: false, enable() {}, disable() {} };
}
