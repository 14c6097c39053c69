/**
 * The one place that reads process.env. Everything else imports `env`.
 * Validated once, at start-up, so a bad value fails loudly and early.
 */
import { z } from "zod";

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string")
      .optional(),
  ),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  // Node processes serving the app on one port (`npm start`, PostgreSQL only): one per core.
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  PREFLIGHT_DATA_DIR: z.string().default(".preflight"),
  PREFLIGHT_DEMO_DATA: z.enum(["auto", "true", "false"]).default("auto"),
  NEXTAUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  NEXTAUTH_URL: optionalString,
  // One reverse proxy in front of the app appends the client's address to X-Forwarded-For: only
  // then is that header believed (per-address rate limits; see src/lib/client-address.ts).
  TRUST_PROXY: z
    .enum(["true", "false", ""])
    .optional()
    .transform((v) => v === "true"),
  // Outgoing mail: smtp://user:pass@host:587 or smtps://…:465. Unset: mails go to the outbox
  // folder in PREFLIGHT_DATA_DIR (and /dev/outbox outside production).
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
  ),
  MAIL_FROM: z.string().trim().min(3).default("Preflight <no-reply@preflight.localhost>"),
  // Set by `npm start` for the web server when it runs on the embedded database (a local setup).
  PREFLIGHT_EMBEDDED: z
    .enum(["true", "false", ""])
    .optional()
    .transform((v) => v === "true"),
  // Single sign-on through an OpenID Connect provider: all three, or none.
  OIDC_ISSUER: optionalString.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_NAME: z.string().trim().min(1).default("single sign-on"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  TEST_DATABASE_URL: optionalString,
  // PostgreSQL server for `npm run bench` (a scratch database is created on it).
  BENCH_DATABASE_URL: optionalString,
  CI: optionalString,
});

export type Env = z.infer<typeof schema>;

/**
 * In production on a real database, sessions must be signed with a secret the operator keeps:
 * a generated one (the embedded default) would differ between servers and change on redeploy.
 * Checked here, so every way of starting the server — npm start, next start, a container — obeys.
 */
const withProductionRules = schema.superRefine((v, ctx) => {
  const oidc = [v.OIDC_ISSUER, v.OIDC_CLIENT_ID, v.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidc !== 0 && oidc !== 3)
    ctx.addIssue({
      code: "custom",
      path: ["OIDC_ISSUER"],
      message: "single sign-on needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (or none)",
    });
  if (v.NODE_ENV === "production" && v.DATABASE_URL && !v.NEXTAUTH_SECRET)
    ctx.addIssue({
      code: "custom",
      path: ["NEXTAUTH_SECRET"],
      message:
        "is required in production (NODE_ENV=production with DATABASE_URL): set it to a random value of at " +
        "least 32 characters you keep, e.g. `openssl rand -base64 32`",
    });
});

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = withProductionRules.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

/** For the start script, which hands a child process a modified environment. */
export const rawProcessEnv = (): NodeJS.ProcessEnv => process.env;

/** An absolute URL on the app's public address (links in mails). */
export function appUrl(path: string): string {
  return new URL(path, env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).toString();
}
