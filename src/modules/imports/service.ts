import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { PilotStage, Verdict } from "@/generated/prisma/enums";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { analyzeTables } from "@/lib/database/analyze";
import { enforceRateLimits, type RateLimitPolicy } from "@/lib/rate-limit";
import { AppError, conflict } from "@/lib/errors";
import { assertCan, type Actor } from "@/modules/access/shared";
import type { PilotFormValues } from "@/modules/pilots/shared";
import { cellText } from "./cells";
import { IMPORT_LIMITS, REQUIRED_IMPORT_FIELDS } from "./fields";
import { detectMapping, type ColumnMapping } from "./mapping";
import { badFile, parseSpreadsheet, tooLarge, type ParsedSheet } from "./parse";
import { countStatuses, planRows, type ExistingPilot, type PlannedRow } from "./plan";
import type { ImportPreview, ImportResult, ImportRowView } from "./types";

export type { ImportPreview, ImportResult, ImportRowView };
import { columnMappingSchema } from "./schemas";

/** An uploaded file: its bytes and the name it had on the user's computer. */
export interface Upload {
  bytes: Uint8Array;
  fileName: string;
}

/**
 * Reads the mapping the browser sent: absent (or empty) → the detected one. A mapping for another
 * sheet (a different number of columns) is refused rather than applied to the wrong columns.
 */
function chooseMapping(sheet: ParsedSheet, raw: unknown): { mapping: ColumnMapping; detected: ColumnMapping } {
  const detected = detectMapping(sheet.headers);
  if (raw === undefined || raw === null || raw === "") return { mapping: detected, detected };
  let value: unknown = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new AppError("BAD_REQUEST", "The column mapping is not valid.", { mapping: ["Not valid JSON."] });
    }
  }
  const parsed = columnMappingSchema.safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "The column mapping is not valid.";
    throw new AppError("BAD_REQUEST", message, { mapping: [message] });
  }
  if (parsed.data.length !== sheet.headers.length) {
    const message = "The column mapping does not match this file's columns. Upload the file again.";
    throw new AppError("BAD_REQUEST", message, { mapping: [message] });
  }
  return { mapping: parsed.data, detected };
}

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

interface ExistingRow {
  id: string;
  externalId: string | null;
  version: number;
  stage: PilotStage;
  name: string;
  summary: string;
  workflow: string;
  targetOutcome: string;
  businessUnit: string;
  owningTeam: string;
  ownerName: string | null;
  ownerEmail: string | null;
  executiveSponsor: string | null;
  startDate: Date | null;
  targetProductionDate: Date | null;
  monthlyRunCost: number | null;
  outcomesPerMonth: number | null;
  tags: string[];
  verdict: Verdict | null;
  gatesUnmet: number;
}

/** The organisation's pilots (archived ones too: a re-import finds them) with what the stage gate needs. */
async function readExisting(client: Prisma.TransactionClient, actor: Actor): Promise<ExistingPilot[]> {
  const rows = await client.$queryRaw<ExistingRow[]>`
    SELECT p.id, p."externalId", p.version, p.stage::text AS stage, p.name, p.summary, p.workflow,
           p."targetOutcome", p."businessUnit", p."owningTeam", p."ownerName", p."ownerEmail",
           p."executiveSponsor", p."startDate", p."targetProductionDate", p."monthlyRunCost",
           p."outcomesPerMonth", p.tags,
           CASE WHEN a.status = 'COMPLETED' THEN a.verdict::text END AS verdict,
           CASE WHEN a.id IS NULL THEN 0 ELSE
             (SELECT count(*)::int FROM "AssessmentGap" g WHERE g."assessmentId" = a.id AND g."isGate") END AS "gatesUnmet"
    FROM "Pilot" p
    LEFT JOIN "Assessment" a ON a.id = p."latestAssessmentId" AND a."organizationId" = ${actor.organizationId}
    WHERE p."organizationId" = ${actor.organizationId}`;
  return rows.map((p) => {
    const values: PilotFormValues = {
      name: p.name,
      summary: p.summary,
      workflow: p.workflow,
      targetOutcome: p.targetOutcome,
      businessUnit: p.businessUnit,
      owningTeam: p.owningTeam,
      ownerName: p.ownerName ?? "",
      ownerEmail: p.ownerEmail ?? "",
      executiveSponsor: p.executiveSponsor ?? "",
      stage: p.stage,
      startDate: iso(p.startDate),
      targetProductionDate: iso(p.targetProductionDate),
      monthlyRunCost: p.monthlyRunCost,
      outcomesPerMonth: p.outcomesPerMonth,
      tags: p.tags,
    };
    return {
      id: p.id,
      externalId: p.externalId,
      version: p.version,
      stage: p.stage,
      values,
      latest: p.verdict ? { verdict: p.verdict, gatesUnmet: p.gatesUnmet } : null,
    };
  });
}

function view(row: PlannedRow, withCells: boolean): ImportRowView {
  return {
    line: row.line,
    status: row.status,
    name: row.name,
    externalId: row.externalId,
    errors: row.errors,
    ...(withCells ? { cells: row.cells.map(cellText) } : {}),
  };
}

async function prepare(actor: Actor, upload: Upload, rawMapping: unknown) {
  if (upload.bytes.byteLength > IMPORT_LIMITS.bytes) throw badFile(tooLarge(upload.bytes.byteLength));
  const sheet = await parseSpreadsheet(upload.bytes, upload.fileName);
  const { mapping, detected } = chooseMapping(sheet, rawMapping);
  if (!mapping.includes("name") && !mapping.includes("externalId")) {
    const message = "No column is mapped to Name (or ID): choose which column names the pilots.";
    throw new AppError("BAD_REQUEST", message, { mapping: [message] }, { headers: sheet.headers, detected });
  }
  return { sheet, mapping, detected };
}

/**
 * What importing the file would do, row by row, without writing anything: new, update,
 * unchanged or error with each field's message. `mapping` is the column mapping the user edited
 * (JSON or an array); without one, the one detected from the headings.
 */
export async function previewImport(actor: Actor, upload: Upload, rawMapping?: unknown): Promise<ImportPreview> {
  assertCan(actor, "pilot:write");
  const { sheet, mapping, detected } = await prepare(actor, upload, rawMapping);
  const rows = planRows(sheet, mapping, await readExisting(db, actor));
  return {
    fileName: upload.fileName,
    kind: sheet.kind,
    headers: sheet.headers,
    samples: sheet.headers.map((_, i) => {
      const found = sheet.rows.find((r) => cellText(r.cells[i] ?? null) !== "");
      return found ? cellText(found.cells[i] ?? null).slice(0, 80) : "";
    }),
    mapping,
    detected,
    unmappedRequired: REQUIRED_IMPORT_FIELDS.filter((f) => !mapping.includes(f)),
    counts: countStatuses(rows),
    rows: rows.map((r) => view(r, r.status === "error")),
  };
}

/** Rows per bulk statement: one JSON parameter each, a few hundred kB. */
const INSERT_BATCH = 1000;

/**
 * Imports the file with the confirmed mapping: the valid rows are written in one transaction
 * (all or none), rows with errors are skipped and returned. The file is parsed and planned again
 * inside the transaction, so what is written matches the pilots as they are at that moment. Two
 * imports into one organisation take turns (an advisory lock), so neither duplicates the other's
 * new pilots. Planner statistics are refreshed after a large import, so the dashboard right
 * after it is as fast as before.
 */
export async function commitImport(actor: Actor, upload: Upload, rawMapping?: unknown): Promise<ImportResult> {
  assertCan(actor, "pilot:write");
  const { sheet, mapping } = await prepare(actor, upload, rawMapping);
  const now = new Date();
  const result = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`pilot-import:${actor.organizationId}`}))`;
      const rows = planRows(sheet, mapping, await readExisting(tx, actor));
      const created = rows.filter((r) => r.status === "new");
      const updated = rows.filter((r) => r.status === "update");
      await insertPilots(tx, actor, created, now);
      await updatePilots(tx, actor, updated, now);
      return { rows, created: created.length, updated: updated.length };
    },
    { timeout: 120_000, maxWait: 15_000 },
  );
  if (result.created + result.updated >= 500) await analyzeTables(db, ["Pilot", "PilotStageChange"]);
  const counts = countStatuses(result.rows);
  return {
    created: result.created,
    updated: result.updated,
    unchanged: counts.unchanged,
    errors: result.rows.filter((r) => r.status === "error").map((r) => view(r, true)),
    headers: sheet.headers,
  };
}

/**
 * New pilots and their first stage-history rows, as one INSERT … SELECT FROM a JSON record set per
 * 1,000 rows: Prisma's createMany binds every value as its own parameter, which took twice as long.
 */
async function insertPilots(tx: Prisma.TransactionClient, actor: Actor, rows: PlannedRow[], now: Date) {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const records = rows.slice(start, start + INSERT_BATCH).map((r) => ({
      ...r.input!,
      startDate: iso(r.input!.startDate),
      targetProductionDate: iso(r.input!.targetProductionDate),
      id: randomUUID(),
      changeId: randomUUID(),
      externalId: r.externalId,
    }));
    const json = JSON.stringify(records);
    await tx.$executeRaw`
      INSERT INTO "Pilot" (id, "organizationId", name, summary, workflow, "targetOutcome", "businessUnit",
        "owningTeam", "ownerName", "ownerEmail", "executiveSponsor", stage, "stageEnteredAt", "startDate",
        "targetProductionDate", "monthlyRunCost", "outcomesPerMonth", tags, "externalId", version, "createdAt", "updatedAt")
      SELECT r.id, ${actor.organizationId}, r.name, r.summary, r.workflow, r."targetOutcome", r."businessUnit",
        r."owningTeam", r."ownerName", r."ownerEmail", r."executiveSponsor", CAST(r.stage AS "PilotStage"), ${now},
        CAST(NULLIF(r."startDate", '') AS date), CAST(NULLIF(r."targetProductionDate", '') AS date),
        r."monthlyRunCost", r."outcomesPerMonth", ARRAY(SELECT jsonb_array_elements_text(r.tags)), r."externalId",
        1, ${now}, ${now}
      FROM jsonb_to_recordset(CAST(${json} AS jsonb)) AS r(${RECORD_COLUMNS})`;
    await tx.$executeRaw`
      INSERT INTO "PilotStageChange" (id, "pilotId", "fromStage", "toStage", "enteredAt", "changedById")
      SELECT r."changeId", r.id, NULL, CAST(r.stage AS "PilotStage"), ${now}, ${actor.userId}
      FROM jsonb_to_recordset(CAST(${json} AS jsonb)) AS r("changeId" text, id text, stage text)`;
  }
}

/** The pilot fields of a JSON record set (jsonb_to_recordset), as both bulk statements read them. */
const RECORD_COLUMNS = Prisma.raw(
  `id text, version int, name text, summary text, workflow text, "targetOutcome" text, "businessUnit" text,
   "owningTeam" text, "ownerName" text, "ownerEmail" text, "executiveSponsor" text, stage text,
   "startDate" text, "targetProductionDate" text, "monthlyRunCost" int, "outcomesPerMonth" int, tags jsonb,
   "externalId" text`,
);

const STALE =
  "A pilot changed while the file was being imported, so nothing was imported. Preview the file again and confirm.";

/**
 * Updates in one statement per batch (UPDATE … FROM a JSON record set): a row per pilot over
 * Prisma would be one round trip each. Each pilot is updated only at the version the plan read,
 * in the organisation: a mismatch rolls the whole import back.
 */
async function updatePilots(tx: Prisma.TransactionClient, actor: Actor, rows: PlannedRow[], now: Date) {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = rows.slice(start, start + INSERT_BATCH);
    const records = batch.map((r) => {
      const input = r.input!;
      return {
        ...input,
        startDate: iso(input.startDate),
        targetProductionDate: iso(input.targetProductionDate),
        id: r.match!.id,
        version: r.match!.version,
        externalId: r.externalId,
      };
    });
    const json = JSON.stringify(records);
    const count = await tx.$executeRaw`
      UPDATE "Pilot" AS p SET
        name = r.name, summary = r.summary, workflow = r.workflow, "targetOutcome" = r."targetOutcome",
        "businessUnit" = r."businessUnit", "owningTeam" = r."owningTeam", "ownerName" = r."ownerName",
        "ownerEmail" = r."ownerEmail", "executiveSponsor" = r."executiveSponsor",
        stage = CAST(r.stage AS "PilotStage"),
        "stageEnteredAt" = CASE WHEN p.stage <> CAST(r.stage AS "PilotStage") THEN ${now} ELSE p."stageEnteredAt" END,
        "startDate" = CAST(NULLIF(r."startDate", '') AS date),
        "targetProductionDate" = CAST(NULLIF(r."targetProductionDate", '') AS date),
        "monthlyRunCost" = r."monthlyRunCost", "outcomesPerMonth" = r."outcomesPerMonth",
        tags = ARRAY(SELECT jsonb_array_elements_text(r.tags)),
        "externalId" = COALESCE(r."externalId", p."externalId"),
        version = p.version + 1, "updatedAt" = ${now}
      FROM jsonb_to_recordset(CAST(${json} AS jsonb)) AS r(${RECORD_COLUMNS})
      WHERE p.id = r.id AND p."organizationId" = ${actor.organizationId} AND p.version = r.version`;
    if (count !== batch.length) throw conflict(STALE);
    const moved = batch.filter((r) => r.match!.stage !== r.input!.stage);
    if (moved.length === 0) continue;
    const ids = JSON.stringify(moved.map((r) => r.match!.id));
    await tx.$executeRaw`
      UPDATE "PilotStageChange" SET "leftAt" = ${now}
      WHERE "leftAt" IS NULL AND "pilotId" IN (SELECT jsonb_array_elements_text(CAST(${ids} AS jsonb)))`;
    await tx.pilotStageChange.createMany({
      data: moved.map((r) => ({
        id: randomUUID(),
        pilotId: r.match!.id,
        fromStage: r.match!.stage,
        toStage: r.input!.stage,
        enteredAt: now,
        changedById: actor.userId,
        reason: null,
      })),
    });
  }
}

/**
 * Uploads per person: parsing a 10 MB workbook takes a second or two of a server's CPU, so one
 * person (or a script with their cookie) cannot keep the servers busy. A preview and its commit
 * are two uploads; a consultant fixing a register uploads a few dozen times in an hour.
 */
export const UPLOADS_PER_USER: RateLimitPolicy = {
  name: "upload:user",
  limit: 120,
  windowMs: 10 * 60_000,
  message: "Too many uploads in a short time. Try again in {seconds}.",
};

/**
 * The file field of a multipart body, within the size limit; a clear 400 otherwise. Counts the
 * upload against the person's limit (429) before reading anything.
 */
export async function readUpload(request: Request, actor: Actor): Promise<{ upload: Upload; form: FormData }> {
  await enforceRateLimits([{ policy: UPLOADS_PER_USER, subject: actor.userId }]);
  const declared = Number(request.headers.get("content-length") ?? "0");
  // The multipart envelope adds a little to the file itself.
  if (declared > IMPORT_LIMITS.bytes + 64 * 1024) throw badFile(tooLarge(declared));
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data"))
    throw badFile("Choose a file to upload (a multipart form with a file field).");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw badFile("The upload could not be read. Choose the file and try again.");
  }
  const file = form.get("file");
  if (!file || typeof file === "string") throw badFile("Choose a file to upload.");
  if (file.size > IMPORT_LIMITS.bytes) throw badFile(tooLarge(file.size));
  const fileName = z.string().max(255).catch("upload").parse(file.name);
  return { upload: { bytes: new Uint8Array(await file.arrayBuffer()), fileName }, form };
}
