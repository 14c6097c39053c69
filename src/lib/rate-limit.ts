import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** A fixed-window limit: at most `limit` hits per `windowMs` for one key. */
export interface RateLimitPolicy {
  /** Names the counter, e.g. "signin:account"; the key's subject (an email, an address) is appended. */
  name: string;
  limit: number;
  windowMs: number;
  /** What the person is told when over the limit. "{seconds}" is replaced with the wait. */
  message: string;
}

export interface RateLimitResult {
  allowed: boolean;
  hits: number;
  /** Milliseconds until the window resets (0 when allowed). */
  retryAfterMs: number;
}

/**
 * Counts one hit against `policy` for `subject` and says whether it is within the limit. One
 * statement, atomic in PostgreSQL (the upsert locks the counter's row), so parallel requests on
 * any number of web servers are counted exactly: the (limit+1)th hit is refused however the
 * requests interleave. The window's clock is the database's, the same for every server.
 * Hits past the limit keep counting, which keeps the window from being reset early.
 */
export async function hitRateLimit(policy: RateLimitPolicy, subject: string): Promise<RateLimitResult> {
  const key = `${policy.name}:${subject}`;
  const [row] = await db.$queryRaw<{ hits: number; retryAfterMs: number }[]>`
    INSERT INTO "RateLimit" ("key", "hits", "resetAt")
    VALUES (${key}, 1, clock_timestamp() + ${policy.windowMs} * interval '1 millisecond')
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE WHEN "RateLimit"."resetAt" <= clock_timestamp() THEN 1 ELSE "RateLimit"."hits" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= clock_timestamp() THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
    RETURNING "hits",
      GREATEST(0, CEIL(EXTRACT(EPOCH FROM ("resetAt" - clock_timestamp())) * 1000))::float8 AS "retryAfterMs"`;
  const hits = Number(row!.hits);
  const allowed = hits <= policy.limit;
  return { allowed, hits, retryAfterMs: allowed ? 0 : Math.max(1000, Number(row!.retryAfterMs)) };
}

/** Forgets the counter, e.g. an account's failed sign-ins once it signs in. */
export async function resetRateLimit(policy: RateLimitPolicy, subject: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "RateLimit" WHERE "key" = ${`${policy.name}:${subject}`}`;
}

/** Deletes counters whose window is over (they would restart at 1 anyway). */
export async function deleteExpiredRateLimits(): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateLimit" WHERE "resetAt" <= clock_timestamp()`;
}

export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterMs: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super("TOO_MANY_REQUESTS", message.replace("{seconds}", describeWait(seconds)), undefined, {
      retryAfter: seconds,
    });
    this.retryAfterSeconds = seconds;
  }
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

/**
 * Counts a hit against every applicable limit (subject null: that limit does not apply, e.g. no
 * client address is known) and throws a 429 naming the longest wait when any is exceeded.
 * Every limit is counted even when an earlier one already refuses, so none can be dodged.
 */
export async function enforceRateLimits(checks: { policy: RateLimitPolicy; subject: string | null }[]): Promise<void> {
  const results = await Promise.all(
    checks
      .filter((c): c is { policy: RateLimitPolicy; subject: string } => c.subject !== null && c.subject !== "")
      .map(async (c) => ({ policy: c.policy, result: await hitRateLimit(c.policy, c.subject) })),
  );
  const refused = results.filter((r) => !r.result.allowed);
  if (refused.length === 0) return;
  const worst = refused.reduce((a, b) => (b.result.retryAfterMs > a.result.retryAfterMs ? b : a));
  throw new RateLimitedError(worst.policy.message, worst.result.retryAfterMs);
}
