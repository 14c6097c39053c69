import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isSameOrigin, servedOverHttps } from "./security-headers";

const directives = (policy: string) =>
  Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("allows only scripts with this request's nonce and what they load, and no framing", () => {
    const p = directives(contentSecurityPolicy("abc123"));
    expect(p["script-src"]).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(p["script-src"]).not.toContain("'unsafe-inline'");
    expect(p["script-src"]).not.toContain("'unsafe-eval'");
    expect(p["frame-ancestors"]).toEqual(["'none'"]);
    expect(p["object-src"]).toEqual(["'none'"]);
    expect(p["base-uri"]).toEqual(["'self'"]);
    expect(p["form-action"]).toEqual(["'self'"]);
    expect(p["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("allows eval only in development", () => {
    expect(directives(contentSecurityPolicy("n", { development: true }))["script-src"]).toContain("'unsafe-eval'");
  });
});

describe("isSameOrigin", () => {
  const allowed = ["http://localhost:3000", "https://preflight.example"];
  it("accepts the app's own origins", () => {
    expect(isSameOrigin("http://localhost:3000", allowed)).toBe(true);
    expect(isSameOrigin("https://preflight.example", allowed)).toBe(true);
  });
  it.each([null, "", "null", "https://evil.example", "http://localhost:3001", "http://preflight.example", "garbage"])(
    "refuses %j",
    (origin) => expect(isSameOrigin(origin, allowed)).toBe(false),
  );
});

describe("servedOverHttps", () => {
  it("follows the public URL or the request's protocol", () => {
    expect(servedOverHttps("https://preflight.example", "http:")).toBe(true);
    expect(servedOverHttps(undefined, "https:")).toBe(true);
    expect(servedOverHttps("http://localhost:3000", "http:")).toBe(false);
  });
});
