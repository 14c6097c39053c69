import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

const ORIGIN = "https://preflight.example";
const FALLBACK = "/dashboard";
const go = (raw: unknown) => safeRedirectPath(raw, ORIGIN, FALLBACK);

/** Where a browser would really end up if it followed the answer. */
const landsOn = (path: string) => new URL(path, ORIGIN).origin;

describe("safeRedirectPath", () => {
  it("keeps paths on the app, with their query and fragment", () => {
    expect(go("/o/acme/pilots?stage=PILOT#top")).toBe("/o/acme/pilots?stage=PILOT#top");
    expect(go("/")).toBe("/");
    expect(go(`${ORIGIN}/o/acme/dashboard`)).toBe("/o/acme/dashboard");
  });

  it.each([
    ["backslash", "/\\evil.example"],
    ["backslash then tab", "/\\t/evil.example".replace("\\t", "\t")],
    ["tab between slashes", "/\t/evil.example"],
    ["newline between slashes", "/\n/evil.example"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with a path", "//evil.example/o/acme"],
    ["two backslashes", "\\\\evil.example"],
    ["leading space", " //evil.example"],
    ["absolute https", "https://evil.example"],
    ["absolute http", "http://evil.example/signin"],
    ["same host, other scheme", "http://preflight.example/"],
    ["same host, other port", "https://preflight.example:8443/"],
    ["javascript:", "javascript:alert(document.cookie)"],
    ["JavaScript: with tab", "java\tscript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["userinfo trick", "https://preflight.example@evil.example/"],
  ])("never leaves the app: %s", (_name, raw) => {
    const answer = go(raw);
    expect(answer).toBe(FALLBACK);
  });

  it.each([
    ["%2F%5Cevil.example", "/\\evil.example"],
    ["%2F%09%2Fevil.example", "/\t/evil.example"],
    ["%2F%2Fevil.example", "//evil.example"],
    ["https%3A%2F%2Fevil.example", "https://evil.example"],
    ["javascript%3Aalert(1)", "javascript:alert(1)"],
  ])("the percent-encoded form %s is refused once decoded and harmless when not", (encoded, decoded) => {
    // Decoded once (what URLSearchParams.get returns for ?callbackUrl=…): refused.
    expect(go(decodeURIComponent(encoded))).toBe(FALLBACK);
    expect(decodeURIComponent(encoded)).toBe(decoded);
    // Still encoded (decoded twice somewhere, or never): a path on the app, never another host.
    const answer = go(encoded);
    expect(answer.startsWith("/")).toBe(true);
    expect(answer.startsWith("//")).toBe(false);
    expect(landsOn(answer)).toBe(ORIGIN);
  });

  it("collapses a path that resolves to a protocol-relative one", () => {
    expect(go("/.//evil.example")).toBe("/evil.example");
    expect(go("/./\\evil.example")).toBe("/evil.example");
    expect(landsOn(go("/..//evil.example"))).toBe(ORIGIN);
  });

  it("falls back on nothing, non-strings and absurd lengths", () => {
    for (const raw of [null, undefined, "", "   ", 42, {}, `/${"a".repeat(3000)}`]) expect(go(raw)).toBe(FALLBACK);
  });

  it("whatever the input, the answer is a path that lands on the app", () => {
    const pieces = fc.constantFrom(
      "/",
      "\\",
      "\t",
      "\n",
      " ",
      "%2F",
      "%5C",
      "evil.example",
      ":",
      "@",
      ".",
      "javascript:",
      "https:",
      "?",
      "#",
      "a",
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join("")),
        (raw) => {
          const answer = go(raw);
          expect(answer.startsWith("/")).toBe(true);
          expect(/^\/[/\\]/.test(answer)).toBe(false);
          expect(landsOn(answer)).toBe(ORIGIN);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
