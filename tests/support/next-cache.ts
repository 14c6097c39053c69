/**
 * Stands in for `next/cache` in the db test project (aliased in vitest.config.ts): Next's real
 * functions need the request store its server sets up, so outside it they throw. Invalidation
 * is a no-op here and cached functions simply run.
 */
export function revalidatePath(_path: string, _type?: "page" | "layout"): void {}
export function revalidateTag(_tag: string, _profile?: unknown): void {}
export function updateTag(_tag: string): void {}
export function refresh(): void {}
export function unstable_noStore(): void {}
export function cacheLife(_profile: unknown): void {}
export function cacheTag(..._tags: string[]): void {}
export const unstable_cacheLife = cacheLife;
export const unstable_cacheTag = cacheTag;

export function unstable_cache<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args: A) => fn(...args);
}
