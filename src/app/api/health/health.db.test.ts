import { PrismaPg } from "@prisma/adapter-pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { installDb } from "@/lib/db";
import { GET } from "./route";

// The client the test setup installed for this file; put back after each test.
const holder = globalThis as unknown as { __preflightDb?: PrismaClient };
const original = holder.__preflightDb!;

afterEach(() => {
  installDb(original);
  vi.restoreAllMocks();
});

describe("GET /api/health", () => {
  it("answers 200 when the database answers", async () => {
    const response = await GET(new Request("http://localhost/api/health"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 503 with the database down when it cannot be reached", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const unreachable = new PrismaClient({
      adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/nowhere", max: 1 }),
    });
    installDb(unreachable);
    try {
      const response = await GET(new Request("http://localhost/api/health"));
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "error", database: "down" });
      expect(logged).toHaveBeenCalled();
    } finally {
      await unreachable.$disconnect();
    }
  });
});
