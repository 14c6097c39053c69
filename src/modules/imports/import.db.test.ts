import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createAccount, createMember, createTestPilot } from "@/modules/demo";
import { getPilot, listPilots } from "@/modules/pilots";
import type { Actor } from "@/modules/access/shared";
import { changedTables, fingerprint } from "../../../tests/support/fingerprint";
import { errorsCsv } from "./errors-csv";
import {
  encryptedOfficeFile,
  HEADINGS,
  oldXlsFile,
  registerRow,
  utf8,
  windows1252,
  withBom,
  xlsx,
} from "../../../tests/support/spreadsheets";
import { IMPORT_LIMITS } from "./fields";
import { commitImport, previewImport } from "./service";

const file = (bytes: Uint8Array, fileName = "register.xlsx") => ({ bytes, fileName });
const csv = (rows: (string | number)[][], delimiter = ",") => Papa.unparse(rows, { delimiter });

/** Runs `fn`, which must fail with a 400 naming `pattern`, and checks the database is unchanged. */
async function expectBadFile(fn: () => Promise<unknown>, pattern: RegExp) {
  const before = await fingerprint();
  const error = await fn().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "should have been refused").toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(400);
  expect((error as AppError).message).toMatch(pattern);
  expect(changedTables(before, await fingerprint())).toEqual([]);
}

/** Preview and commit both refuse the file with the same message, and nothing changes. */
async function refused(actor: Actor, bytes: Uint8Array, pattern: RegExp, fileName = "register.xlsx") {
  await expectBadFile(() => previewImport(actor, file(bytes, fileName)), pattern);
  await expectBadFile(() => commitImport(actor, file(bytes, fileName)), pattern);
}

const pilotCount = (actor: Actor) => db.pilot.count({ where: { organizationId: actor.organizationId } });

describe("pilot import: preview and commit", () => {
  it("previews a messy workbook row by row without writing anything", async () => {
    const owner = await createAccount();
    const bytes = await xlsx(
      [
        HEADINGS,
        registerRow(1),
        registerRow(2, { "Owner e-mail": "dana at example" }),
        // A formula: its cached result is imported, the formula itself never runs.
        registerRow(3, { "Use case": { formula: 'CONCAT("Claims ","triage")', result: "Claims triage" } }),
        // A date cell and an Excel serial number in a number cell.
        registerRow(4, { "Start date": new Date(Date.UTC(2026, 1, 2)), "Go-live date": 46112 }),
        registerRow(5, { Status: "someday" }),
        registerRow(6, { "Use case": null, Ref: null }),
      ],
      { dateColumns: [12] },
    );
    const before = await fingerprint();
    const preview = await previewImport(owner, file(bytes));
    expect(changedTables(before, await fingerprint())).toEqual([]);

    expect(preview.headers).toEqual(HEADINGS);
    expect(preview.mapping).toEqual([
      "externalId",
      "name",
      "summary",
      "workflow",
      "targetOutcome",
      "businessUnit",
      "owningTeam",
      "ownerName",
      "ownerEmail",
      "executiveSponsor",
      "stage",
      "startDate",
      "targetProductionDate",
      "monthlyRunCost",
      "tags",
    ]);
    expect(preview.counts).toEqual({ new: 3, update: 0, unchanged: 0, error: 3 });
    const byLine = new Map(preview.rows.map((r) => [r.line, r]));
    expect(byLine.get(2)).toMatchObject({ status: "new", name: "Use case 1", externalId: "UC-001" });
    expect(byLine.get(3)!.errors).toEqual([{ field: "ownerEmail", message: expect.stringMatching(/valid email/) }]);
    expect(byLine.get(4)).toMatchObject({ status: "new", name: "Claims triage" });
    expect(byLine.get(6)!.errors[0]).toMatchObject({ field: "stage", message: expect.stringMatching(/"someday"/) });
    expect(byLine.get(7)!.errors).toContainEqual({ field: "name", message: "Enter a name." });
    // Only rows with errors carry their cells (for the errors CSV).
    expect(byLine.get(2)!.cells).toBeUndefined();
    expect(byLine.get(3)!.cells?.[8]).toBe("dana at example");
  });

  it("commits the valid rows, returns the errors as a CSV to fix, and the pilots are in the list", async () => {
    const owner = await createAccount();
    const bytes = await xlsx([
      HEADINGS,
      registerRow(1),
      registerRow(2, { "Owner e-mail": "dana at example" }),
      registerRow(3, { "Start date": 46023, "Go-live date": "31/12/2026", Status: "Live", Tags: "ocr" }),
    ]);
    const result = await commitImport(owner, file(bytes));
    expect(result).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(result.errors.map((e) => e.line)).toEqual([3]);

    const list = await listPilots(owner, { q: "Use case" });
    expect(list.items.map((p) => p.name).sort()).toEqual(["Use case 1", "Use case 3"]);
    const third = await db.pilot.findFirstOrThrow({
      where: { organizationId: owner.organizationId, externalId: "UC-003" },
      select: { id: true },
    });
    const pilot = await getPilot(owner, third.id);
    expect(pilot).toMatchObject({
      stage: "PRODUCTION",
      monthlyRunCost: 1200,
      tags: ["ocr"],
      ownerEmail: "dana@example.com",
    });
    expect(pilot.startDate?.toISOString().slice(0, 10)).toBe("2026-01-01");
    expect(pilot.targetProductionDate?.toISOString().slice(0, 10)).toBe("2026-12-31");
    expect(pilot.stageChanges).toEqual([expect.objectContaining({ fromStage: null, toStage: "PRODUCTION" })]);

    const text = errorsCsv(result.headers, result.errors);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const back = Papa.parse<string[]>(text.slice(1)).data;
    expect(back[0]).toEqual([...HEADINGS, "Row in file", "Import errors"]);
    expect(back[1]![1]).toBe("Use case 2");
    expect(back[1]![HEADINGS.length]).toBe("3");
    expect(back[1]![HEADINGS.length + 1]).toMatch(/^Owner email: Enter a valid email/);

    // The fixed errors file imports the remaining row, and the two extra columns are ignored.
    const fixed = text.replace("dana at example", "dana@example.com");
    const again = await commitImport(owner, file(utf8(fixed), "errors.csv"));
    expect(again).toMatchObject({ created: 1, updated: 0, errors: [] });
    expect(await pilotCount(owner)).toBe(3);
  });

  it("updates the matching pilots on a re-import instead of duplicating them: by ID, else by name", async () => {
    const owner = await createAccount();
    const existing = await createTestPilot(owner, { name: "Invoice Triage", stage: "PILOT" });
    const sheet = [HEADINGS, registerRow(1), registerRow(2)];
    expect(await commitImport(owner, file(await xlsx(sheet)))).toMatchObject({ created: 2, updated: 0 });

    const same = await previewImport(owner, file(await xlsx(sheet)));
    expect(same.counts).toEqual({ new: 0, update: 0, unchanged: 2, error: 0 });

    // Renamed in the sheet (same ID), and a row naming the hand-made pilot in other letter case.
    const changed = [
      HEADINGS,
      registerRow(1, { "Use case": "Claims intake", "Monthly cost (EUR)": 900 }),
      registerRow(2),
      registerRow(9, { Ref: null, "Use case": "invoice triage", Team: "Payables" }),
    ];
    const preview = await previewImport(owner, file(await xlsx(changed)));
    expect(preview.rows.map((r) => r.status)).toEqual(["update", "unchanged", "update"]);
    const result = await commitImport(owner, file(await xlsx(changed)));
    expect(result).toMatchObject({ created: 0, updated: 2, unchanged: 1 });
    expect(await pilotCount(owner)).toBe(3);

    const renamed = await db.pilot.findFirstOrThrow({
      where: { organizationId: owner.organizationId, externalId: "UC-001" },
      select: { name: true, monthlyRunCost: true, version: true },
    });
    expect(renamed).toEqual({ name: "Claims intake", monthlyRunCost: 900, version: 2 });
    const handMade = await getPilot(owner, existing.id);
    // Fields the sheet gives are updated; the name keeps its case only where the sheet gave it.
    expect(handMade).toMatchObject({ name: "invoice triage", owningTeam: "Payables", version: 2 });
  });

  it("a blank cell keeps the pilot's value; a stage change is recorded in the history", async () => {
    const owner = await createAccount();
    await commitImport(owner, file(await xlsx([HEADINGS, registerRow(1)])));
    const update = [
      ["Ref", "Status", "Sponsor"],
      ["UC-001", "Idea", null],
    ];
    expect(await commitImport(owner, file(await xlsx(update)))).toMatchObject({ updated: 1 });
    const { id } = await db.pilot.findFirstOrThrow({
      where: { organizationId: owner.organizationId },
      select: { id: true },
    });
    const pilot = await getPilot(owner, id);
    expect(pilot).toMatchObject({ stage: "IDEA", executiveSponsor: "COO", name: "Use case 1" });
    expect(pilot.stageChanges.map((c) => [c.fromStage, c.toStage, c.enteredAt !== null])).toEqual([
      ["PILOT", "IDEA", true],
      [null, "PILOT", true],
    ]);
  });

  it("refuses a move towards production the latest assessment does not support, as the form does", async () => {
    const owner = await createAccount();
    await commitImport(owner, file(await xlsx([HEADINGS, registerRow(1)])));
    const preview = await previewImport(
      owner,
      file(await xlsx([HEADINGS, registerRow(1, { Status: "In production" })])),
    );
    expect(preview.rows[0]).toMatchObject({ status: "error" });
    expect(preview.rows[0]!.errors[0]).toMatchObject({ field: "stage", message: expect.stringMatching(/reason/) });
  });

  it("reports rows that name the same pilot twice, and names that are ambiguous", async () => {
    const owner = await createAccount();
    await createTestPilot(owner, { name: "Twin" });
    await createTestPilot(owner, { name: "twin" });
    const preview = await previewImport(
      owner,
      file(
        await xlsx([
          HEADINGS,
          registerRow(1),
          registerRow(1, { Description: "again" }),
          registerRow(2, { Ref: null, "Use case": "Twin" }),
        ]),
      ),
    );
    expect(preview.rows.map((r) => r.status)).toEqual(["new", "error", "error"]);
    expect(preview.rows[1]!.errors[0]!.message).toMatch(/Row 2 already imports this pilot/);
    expect(preview.rows[2]!.errors[0]!.message).toMatch(/2 pilots are already called "Twin"/);
  });

  it("uses the mapping the user edited: an unknown heading mapped by hand, a column ignored", async () => {
    const owner = await createAccount();
    const headings = ["Initiative", "Blurb", "Process", "KPI", "BU", "Squad name", "Phase", "Notes"];
    const row = [
      "Doc search",
      "Finds contracts",
      "Lawyers search by hand",
      "Answer in a minute",
      "Legal",
      "Legal Ops",
      "PoC",
      "x",
    ];
    const bytes = await xlsx([headings, row]);
    const auto = await previewImport(owner, file(bytes));
    expect(auto.mapping).toEqual(["name", null, "workflow", "targetOutcome", "businessUnit", null, "stage", null]);
    expect(auto.unmappedRequired).toEqual(["summary", "owningTeam"]);
    expect(auto.rows[0]!.errors.map((e) => e.message)).toContain(
      "No column is mapped to Summary, which a new pilot needs.",
    );

    const mapping = ["name", "summary", "workflow", "targetOutcome", "businessUnit", "owningTeam", "stage", null];
    const fixed = await previewImport(owner, file(bytes), JSON.stringify(mapping));
    expect(fixed.counts).toMatchObject({ new: 1, error: 0 });
    expect(fixed.detected).toEqual(auto.mapping);
    expect(await commitImport(owner, file(bytes), mapping)).toMatchObject({ created: 1 });
    expect((await listPilots(owner, { q: "Doc search" })).items[0]).toMatchObject({
      owningTeam: "Legal Ops",
      stage: "PILOT",
    });

    await expectBadFile(() => previewImport(owner, file(bytes), '["name","name"]'), /same field/);
    await expectBadFile(() => previewImport(owner, file(bytes), '["name"]'), /does not match this file/);
    await expectBadFile(() => previewImport(owner, file(bytes), "{oops"), /mapping is not valid/);
    await expectBadFile(
      () => commitImport(owner, file(bytes), [null, null, null, null, null, null, null, null]),
      /Name/,
    );
  });

  it("never matches another organisation's pilots, and a viewer cannot import", async () => {
    const owner = await createAccount();
    const other = await createAccount();
    await commitImport(other, file(await xlsx([HEADINGS, registerRow(1)])));
    expect((await previewImport(owner, file(await xlsx([HEADINGS, registerRow(1)])))).counts.new).toBe(1);
    const viewer = await createMember(owner, "VIEWER");
    const error = await previewImport(viewer, file(await xlsx([HEADINGS, registerRow(1)]))).catch((e: unknown) => e);
    expect((error as AppError).status).toBe(403);
  });

  it("bumps the organisation's data version once per statement, so the dashboard recomputes", async () => {
    const owner = await createAccount();
    const count = () => db.organizationChange.count({ where: { organizationId: owner.organizationId } });
    const before = await count();
    await commitImport(owner, file(await xlsx([HEADINGS, registerRow(1), registerRow(2)])));
    expect(await count()).toBeGreaterThan(before);
  });
});

describe("pilot import: files", () => {
  const headerLine = ["Name", "Summary", "Workflow", "Target outcome", "Business unit", "Team", "Owner", "Stage"];
  const line = (name: string) => [
    name,
    "Reads claims",
    "Clerks by hand",
    "Faster claims",
    "Claims",
    "Café Ops",
    "Zoë Müller",
    "POC",
  ];

  it("reads CSV with commas, semicolons or tabs, in UTF-8 with or without BOM, or Windows-1252", async () => {
    const owner = await createAccount();
    const text = (delimiter: string) => csv([headerLine, line("Résumé screening")], delimiter);
    for (const [bytes, name] of [
      [utf8(text(",")), "comma.csv"],
      [utf8(text(";")), "semicolon.csv"],
      [utf8(text("\t")), "tab.txt"],
      [withBom(text(";")), "bom.csv"],
      [windows1252(text(";")), "excel-windows.csv"],
    ] as const) {
      const preview = await previewImport(owner, file(bytes, name));
      expect(preview.kind, name).toBe("csv");
      expect(preview.headers, name).toEqual(headerLine);
      expect(preview.rows[0], name).toMatchObject({ status: "new", name: "Résumé screening", errors: [] });
    }
    await commitImport(owner, file(windows1252(text(";")), "excel-windows.csv"));
    const [pilot] = (await listPilots(owner)).items;
    expect(pilot).toMatchObject({ name: "Résumé screening", owningTeam: "Café Ops", ownerName: "Zoë Müller" });
  });

  it("imports a formula in a CSV as the text it is, never evaluated", async () => {
    const owner = await createAccount();
    const preview = await previewImport(owner, file(utf8(csv([headerLine, line("=1+1")])), "f.csv"));
    expect(preview.rows[0]).toMatchObject({ status: "new", name: "=1+1" });
  });

  it("imports XLSX formulas as their cached values, and one without a value as blank", async () => {
    const owner = await createAccount();
    const bytes = await xlsx([
      [...headerLine, "Monthly cost"],
      [...line("A"), { formula: "SUM(100,200)", result: 300 }],
      [...line("B"), { formula: 'HYPERLINK("http://evil")' }],
    ]);
    const result = await commitImport(owner, file(bytes));
    expect(result.created).toBe(2);
    const costs = await db.pilot.findMany({
      where: { organizationId: owner.organizationId },
      select: { name: true, monthlyRunCost: true },
      orderBy: { name: "asc" },
    });
    expect(costs).toEqual([
      { name: "A", monthlyRunCost: 300 },
      { name: "B", monthlyRunCost: null },
    ]);
  });

  it("skips blank rows and reads the first sheet that has data", async () => {
    const owner = await createAccount();
    const bytes = await xlsx([[], headerLine, [], line("After a blank row")], { sheets: ["Cover"] });
    const preview = await previewImport(owner, file(bytes));
    expect(preview.rows).toEqual([expect.objectContaining({ line: 4, name: "After a blank row", status: "new" })]);
  });

  it("refuses bad files with a clear message and changes nothing", async () => {
    const owner = await createAccount();
    await createTestPilot(owner);
    await refused(owner, new Uint8Array(), /empty/);
    await refused(owner, utf8("\r\n   \r\n,,\r\n"), /empty/, "blank.csv");
    await refused(owner, utf8(csv([headerLine])), /headings but no rows/, "headers.csv");
    await refused(owner, await xlsx([headerLine]), /headings but no rows/);
    await refused(owner, await xlsx([]), /empty/);
    await refused(owner, encryptedOfficeFile(), /password-protected/);
    await refused(owner, oldXlsFile(), /97–2003/, "old.xls");
    await refused(owner, utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj"), /not a spreadsheet/, "contract.pdf");
    await refused(owner, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), /not a spreadsheet/, "logo.png");
    // A zip that is not a workbook (a .docx renamed, an archive).
    await refused(owner, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), /not a spreadsheet/);
    await refused(owner, new Uint8Array(IMPORT_LIMITS.bytes + 1).fill(0x41), /limit is 10 MB/, "huge.csv");
    const tooMany = [headerLine, ...Array.from({ length: IMPORT_LIMITS.rows + 1 }, (_, i) => line(`P${i}`))];
    await refused(owner, utf8(csv(tooMany)), /20,001 rows; the limit is 20,000/, "many.csv");
    await refused(owner, utf8('Name,Summary\n"Unclosed,quote\n'), /never closes/, "quotes.csv");
  });
});
