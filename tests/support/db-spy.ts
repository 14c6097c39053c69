/**
 * Watches what reaches the database: wraps the client the test setup installed in a Prisma
 * query extension that notes every operation whose arguments carry a string matching a test.
 */
import type { PrismaClient } from "@/generated/prisma/client";
import { installDb } from "@/lib/db";

const holder = globalThis as unknown as { __preflightDb?: PrismaClient };

function strings(value: unknown, seen: WeakSet<object>, out: string[], depth = 0): void {
  if (typeof value === "string") out.push(value);
  else if (value && typeof value === "object" && depth < 20 && !seen.has(value)) {
    if (value instanceof Date || ArrayBuffer.isView(value)) return;
    seen.add(value);
    for (const item of Array.isArray(value) ? value : Object.values(value)) strings(item, seen, out, depth + 1);
  }
}

export interface DbSpy {
  /** The operations (e.g. `Pilot.findFirst`, `$queryRaw`) that carried a matching string since the last call. */
  take(): string[];
  restore(): void;
}

export function spyOnDatabase(suspicious: (text: string) => boolean): DbSpy {
  const original = holder.__preflightDb;
  if (!original) throw new Error("No database installed: run this in the db test project.");
  let hits: string[] = [];
  const spied = original.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        const found: string[] = [];
        strings(args, new WeakSet(), found);
        if (found.some(suspicious)) hits.push(model ? `${model}.${operation}` : operation);
        return query(args);
      },
    },
  });
  installDb(spied as unknown as PrismaClient);
  return {
    take() {
      const taken = hits;
      hits = [];
      return taken;
    },
    restore() {
      installDb(original);
    },
  };
}
