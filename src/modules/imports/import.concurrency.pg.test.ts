/**
 * Two imports of one register at once, on PostgreSQL (PGlite has one connection, so no two
 * transactions overlap there). Without the per-organisation advisory lock both would read "no such
 * pilot" and both create every row; with it the second waits, reads the first's pilots and finds
 * every row unchanged.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAccount } from "@/modules/demo";
import { HEADINGS, registerRow, xlsx } from "../../../tests/support/spreadsheets";
import { commitImport } from "./service";

describe("concurrent imports", () => {
  it("two imports of the same file at once create each pilot once", async () => {
    const owner = await createAccount();
    const bytes = await xlsx([HEADINGS, ...Array.from({ length: 200 }, (_, i) => registerRow(i + 1))]);
    const file = { bytes, fileName: "register.xlsx" };
    const results = await Promise.all([commitImport(owner, file), commitImport(owner, file)]);
    expect(results.map((r) => r.created).sort((a, b) => a - b)).toEqual([0, 200]);
    expect(results.map((r) => r.unchanged).sort((a, b) => a - b)).toEqual([0, 200]);
    expect(await db.pilot.count({ where: { organizationId: owner.organizationId } })).toBe(200);
  });
});
