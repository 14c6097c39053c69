import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const SECRET = "x".repeat(32);
const PG = "postgresql://app@db.example/preflight";

describe("parseEnv: the production secret rule", () => {
  it("refuses production on a real database without NEXTAUTH_SECRET, naming the variable", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: PG })).toThrow(
      /NEXTAUTH_SECRET: is required in production/,
    );
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: PG, NEXTAUTH_SECRET: "  " })).toThrow(
      /NEXTAUTH_SECRET/,
    );
  });

  it("accepts it with a secret, and without one off production or on the embedded database", () => {
    expect(parseEnv({ NODE_ENV: "production", DATABASE_URL: PG, NEXTAUTH_SECRET: SECRET }).NEXTAUTH_SECRET).toBe(
      SECRET,
    );
    expect(() => parseEnv({ NODE_ENV: "development", DATABASE_URL: PG })).not.toThrow();
    expect(() => parseEnv({ NODE_ENV: "production" })).not.toThrow();
  });

  it("reads TRUST_PROXY as a yes only when it says true", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(() => parseEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
  });
});
