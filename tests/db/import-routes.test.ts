import { describe, expect, it } from "vitest";
import { createAccount } from "@/modules/demo";
import { POST as commit } from "@/app/api/o/[org]/pilots/import/commit/route";
import { POST as preview } from "@/app/api/o/[org]/pilots/import/preview/route";
import { GET as template } from "@/app/api/o/[org]/pilots/import/template/route";
import { db } from "@/lib/db";
import { parseSpreadsheet } from "@/modules/imports";
import { detectMapping } from "@/modules/imports/shared";
import { asUser } from "../support/session";
import { changedTables, fingerprint } from "../support/fingerprint";
import { HEADINGS, registerRow, xlsx } from "../support/spreadsheets";

type Handler = (request: Request, context: { params: Promise<{ org: string }> }) => Promise<Response>;

async function call(handler: Handler, userId: string, slug: string, init: RequestInit & { path: string }) {
  const url = `http://localhost/api/o/${slug}/pilots/import/${init.path}`;
  const request = new Request(url, { ...init, headers: { origin: "http://localhost", ...init.headers } });
  const response = await asUser(userId, () => handler(request, { params: Promise.resolve({ org: slug }) }));
  return { status: response.status, type: response.headers.get("content-type") ?? "", response };
}

function multipart(bytes: Uint8Array, fileName: string, mapping?: string) {
  const form = new FormData();
  form.append("file", new Blob([bytes as BlobPart]), fileName);
  if (mapping !== undefined) form.append("mapping", mapping);
  return form;
}

describe("import routes", () => {
  it("preview and commit take a multipart upload; garbage bodies get a 400, never a 500, and change nothing", async () => {
    const owner = await createAccount();
    const slug = owner.organizationSlug;
    const before = await fingerprint();
    const bodies: (RequestInit & { path: string; headers?: Record<string, string> })[] = [
      { path: "preview", method: "POST" },
      { path: "preview", method: "POST", body: '{"file": 1}', headers: { "content-type": "application/json" } },
      {
        path: "preview",
        method: "POST",
        body: "--x\r\ngarbage",
        headers: { "content-type": "multipart/form-data; boundary=x" },
      },
      { path: "commit", method: "POST", body: new FormData() },
      { path: "commit", method: "POST", headers: { "content-length": String(11 * 1024 * 1024) }, body: "x" },
      { path: "commit", method: "POST", body: multipart(new TextEncoder().encode("a,b\n1,2\n"), "x.csv", "[1,2]") },
    ];
    for (const init of bodies) {
      const { status, type, response } = await call(
        init.path === "preview" ? preview : commit,
        owner.userId,
        slug,
        init,
      );
      const body = (await response.json()) as { errors?: Record<string, string[]> };
      expect(status, JSON.stringify({ ...init, body: String(init.body) })).toBe(400);
      expect(type).toMatch(/problem\+json/);
      expect(Object.keys(body.errors ?? {})).not.toEqual([]);
    }
    expect(changedTables(before, await fingerprint())).toEqual([]);

    const bytes = await xlsx([HEADINGS, registerRow(1), registerRow(2)]);
    const answer = await call(preview, owner.userId, slug, {
      path: "preview",
      method: "POST",
      body: multipart(bytes, "r.xlsx"),
    });
    expect(answer.status).toBe(200);
    expect(((await answer.response.json()) as { counts: unknown }).counts).toEqual({
      new: 2,
      update: 0,
      unchanged: 0,
      error: 0,
    });
    expect(changedTables(before, await fingerprint())).toEqual([]);

    const done = await call(commit, owner.userId, slug, {
      path: "commit",
      method: "POST",
      body: multipart(bytes, "r.xlsx"),
    });
    expect(done.status).toBe(200);
    expect(await db.pilot.count({ where: { organizationId: owner.organizationId } })).toBe(2);
  });

  it("a person's uploads are limited (429 with Retry-After), before the file is read", async () => {
    const owner = await createAccount();
    await db.rateLimit.create({
      data: { key: `upload:user:${owner.userId}`, hits: 120, resetAt: new Date(Date.now() + 60_000) },
    });
    const bytes = await xlsx([HEADINGS, registerRow(1)]);
    const answer = await call(preview, owner.userId, owner.organizationSlug, {
      path: "preview",
      method: "POST",
      body: multipart(bytes, "r.xlsx"),
    });
    expect(answer.status).toBe(429);
    expect(Number(answer.response.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("the template is a workbook whose headings the import maps back to every field", async () => {
    const owner = await createAccount();
    const { status, type, response } = await call(template as Handler, owner.userId, owner.organizationSlug, {
      path: "template",
      method: "GET",
    });
    expect(status).toBe(200);
    expect(type).toMatch(/spreadsheetml/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // Headings only: the import says so, and the headings map to the fields in order.
    await expect(parseSpreadsheet(bytes)).rejects.toThrow(/headings but no rows/);
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    const headings = (workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1).map(String);
    expect(detectMapping(headings).every((f) => f !== null)).toBe(true);
    expect(new Set(detectMapping(headings)).size).toBe(headings.length);
  });
});
