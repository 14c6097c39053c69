import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { PHONE, orgUrlPattern, pageWidth, registerPilot, signUp, snapWidths, uniqueEmail } from "./helpers";

/** A client's register as it arrives after a workshop: odd headings, a POC stage, a bad email, a formula, a serial date. */
async function messyWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("AI use cases");
  sheet.addRow([
    "Ref",
    "Use case",
    "Description",
    "Process",
    "KPI",
    "Dept",
    "Squad name",
    "Owner",
    "Owner e-mail",
    "Status",
    "Kick-off",
    "Monthly cost (EUR)",
  ]);
  const row = (n: number, name: string, email: string, status: string) => [
    `AI-${n}`,
    name,
    `Drafts replies for ${name.toLowerCase()}`,
    "Agents write each reply by hand",
    "Reply within an hour",
    "Customer Service",
    "Care Automation",
    "Noor Haddad",
    email,
    status,
    // An Excel serial date in a plain number cell: 2026-02-02.
    46055,
    { formula: `${n}*1000`, result: n * 1000 },
  ];
  sheet.addRow(row(1, "Complaint triage", "noor@example.com", "POC"));
  sheet.addRow(row(2, "Refund assistant", "noor@example.com", "Live"));
  sheet.addRow(row(3, "Warranty lookup", "noor at example", "Proof of concept"));
  sheet.addRow(row(4, "Claims FAQ bot", "noor@example.com", "Idea"));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test("a consultant uploads a messy register, fixes a column, sees the errors, confirms and finds the pilots", async ({
  page,
}) => {
  const slug = await signUp(page, {
    name: "Casey Consultant",
    email: uniqueEmail("consultant"),
    organization: "Northwind Retail",
  });
  await page.goto(`/o/${slug}/pilots`);
  await page.getByRole("link", { name: "Import pilots" }).click();
  await expect(page).toHaveURL(orgUrlPattern(slug, "/pilots/import"));
  await expect(page.getByRole("heading", { level: 1, name: "Import pilots from a spreadsheet" })).toBeVisible();

  // The template downloads as a workbook.
  const [template] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download template" }).click(),
  ]);
  expect(template.suggestedFilename()).toBe("preflight-pilot-import-template.xlsx");

  await page.getByLabel("Spreadsheet file").setInputFiles({
    name: "northwind-register.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await messyWorkbook(),
  });

  // "Squad name" is not a heading Preflight knows: the team is missing, so every row is an error.
  await expect(page.getByText("Required fields without a column")).toBeVisible();
  await expect(page.getByText(/New pilots need Team/)).toBeVisible();
  await expect(page.getByText("4 rows with errors")).toBeVisible();
  await expect(page.getByLabel("Use case")).toHaveValue("name");
  await expect(page.getByLabel("Status")).toHaveValue("stage");

  await page.getByLabel("Squad name").selectOption({ label: "Team (required)" });
  await page.getByRole("button", { name: "Apply mapping" }).click();
  await expect(page.getByText("1 row with errors")).toBeVisible();
  await expect(page.getByText("3 new pilots")).toBeVisible();
  await expect(page.getByText("Required fields without a column")).toBeHidden();

  const table = page.getByRole("table", { name: "Rows of the file" });
  await expect(table.getByRole("rowheader", { name: /Warranty lookup/ })).toBeVisible();
  await expect(table.getByText(/Owner email: Enter a valid email address/)).toBeVisible();
  await snapWidths(page, "import-01-preview");
  await page.setViewportSize(PHONE);
  expect((await pageWidth(page)).wide).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });

  // The rows with errors download as a CSV to fix: the original cells and the message.
  const [errors] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download errors (CSV)" }).click(),
  ]);
  expect(errors.suggestedFilename()).toBe("northwind-register-errors.csv");
  const csv = readFileSync(await errors.path(), "utf8");
  expect(csv).toContain("Warranty lookup");
  expect(csv).toContain("noor at example");
  expect(csv).toContain("Owner email: Enter a valid email address");

  // Nothing is written before confirming.
  await page.goto(`/o/${slug}/pilots`);
  await expect(page.getByRole("heading", { name: "No pilots registered yet" })).toBeVisible();
  await page.goBack();
  await page.getByLabel("Spreadsheet file").setInputFiles({
    name: "northwind-register.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await messyWorkbook(),
  });
  await page.getByLabel("Squad name").selectOption({ label: "Team (required)" });
  await page.getByRole("button", { name: "Apply mapping" }).click();
  await expect(page.getByText("3 new pilots")).toBeVisible();

  await page.getByRole("button", { name: "Import 3 pilots" }).click();
  await expect(page.getByRole("status").filter({ hasText: "3 pilots created, 0 pilots updated" })).toBeVisible();
  await expect(page.getByText(/1 row not imported/)).toBeVisible();
  await snapWidths(page, "import-02-done");

  await page.getByRole("link", { name: "See the pilots" }).click();
  await expect(page).toHaveURL(orgUrlPattern(slug, "/pilots"));
  for (const name of ["Complaint triage", "Refund assistant", "Claims FAQ bot"]) {
    await expect(page.getByRole("link", { name })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "Warranty lookup" })).toHaveCount(0);
  await page.getByRole("link", { name: "Refund assistant" }).click();
  await expect(page.getByText("Production", { exact: true }).first()).toBeVisible();
  await snapWidths(page, "import-03-pilot");
});

test("a file that is not a spreadsheet gets a clear message", async ({ page }) => {
  const slug = await signUp(page, { name: "Sam Sender", email: uniqueEmail("sender"), organization: "Contoso Bank" });
  await page.goto(`/o/${slug}/pilots/import`);
  await page.getByLabel("Spreadsheet file").setInputFiles({
    name: "contract.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n"),
  });
  const alert = page.getByRole("alert").filter({ hasText: "This file cannot be imported" });
  await expect(alert).toContainText("not a spreadsheet Preflight can read");
  await expect(alert).toContainText("Nothing was changed.");
});

/** Sets the Level cell of the first `levels.length` criteria of the first visible sheet; returns their keys. */
async function fillChecklist(bytes: Buffer, levels: string[]): Promise<{ bytes: Buffer; keys: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const sheet = workbook.worksheets.find((w) => w.state === "visible")!;
  const headings = (sheet.getRow(1).values as unknown[]).map(String);
  const keys: string[] = [];
  levels.forEach((level, i) => {
    const row = sheet.getRow(i + 2);
    keys.push(String(row.getCell(headings.indexOf("Key")).value));
    row.getCell(headings.indexOf("Level")).value = level;
  });
  return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), keys };
}

test("the checklist goes offline in Excel and comes back: changes shown first, a newer answer kept", async ({
  page,
}) => {
  const slug = await signUp(page, { name: "Ola Offline", email: uniqueEmail("offline"), organization: "Fabrikam" });
  const pilotId = await registerPilot(page, "Offline pilot");
  await page.goto(`/o/${slug}/pilots/${pilotId}`);
  const [blank] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Blank checklist (Excel)" }).click(),
  ]);
  expect(blank.suggestedFilename()).toMatch(/^checklist-blank-\d{4}-\d{2}-\d{2}\.xlsx$/);

  // Preparing a workshop for several pilots: one workbook from the (filtered) list, a sheet each.
  await registerPilot(page, "Second offline pilot");
  await page.goto(`/o/${slug}/pilots`);
  const [several] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Blank checklists for these 2 pilots (Excel)" }).click(),
  ]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(await several.path()) as never);
  expect(book.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual([
    "Offline pilot",
    "Second offline pilot",
  ]);
  await page.goto(`/o/${slug}/pilots/${pilotId}`);

  await page.getByRole("button", { name: /start assessment/i }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/pilots/${pilotId}/assessments/[^/?]+$`));
  const assessmentId = new URL(page.url()).pathname.split("/").pop()!;

  await page.getByText("Work offline in Excel").click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download checklist (Excel)" }).click(),
  ]);
  const filled = await fillChecklist(readFileSync(await download.path()), ["3 – Automated", "1 – Ad hoc"]);
  // While the sheet is offline, someone answers the second criterion here.
  const meanwhile = await page.request.put(`/api/o/${slug}/assessments/${assessmentId}/answers`, {
    data: { criterionKey: filled.keys[1], expectedVersion: 0, level: 2 },
  });
  expect(meanwhile.status()).toBe(200);

  await page.getByLabel("Filled-in checklist (.xlsx)").setInputFiles({
    name: "checklist-filled.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: filled.bytes,
  });
  await expect(page.getByText("1 answer will change")).toBeVisible();
  const table = page.getByRole("table", { name: "What the import would change" });
  await expect(table.getByText("Conflict")).toBeVisible();
  await expect(table.getByText(/Changed in Preflight by Ola Offline since this checklist was exported/)).toBeVisible();
  await snapWidths(page, "import-04-checklist-preview");
  await page.setViewportSize(PHONE);
  expect((await pageWidth(page)).wide).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("button", { name: "Import 1 answer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Checklist imported" })).toContainText(
    "1 answer saved. 1 conflict left as they were here.",
  );
  const detail = (await (await page.request.get(`/api/o/${slug}/assessments/${assessmentId}`)).json()) as {
    answers: { criterionKey: string; level: number | null }[];
  };
  const level = (key: string) => detail.answers.find((a) => a.criterionKey === key)?.level;
  expect(level(filled.keys[0]!)).toBe(3);
  expect(level(filled.keys[1]!)).toBe(2);
});
