import type { PilotStage } from "@/generated/prisma/enums";
import { IMPORT_FIELDS, type ImportField } from "./fields";

/** A heading or a stage as compared: lower case, no accents, words separated by single spaces. */
export function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// Headings seen in clients' pilot registers, per field (already normalised).
const HEADING_SYNONYMS: Record<ImportField, readonly string[]> = {
  externalId: ["id", "external id", "ref", "reference", "pilot id", "use case id", "project id", "key", "code", "no"],
  name: ["name", "title", "use case", "use case name", "pilot", "pilot name", "project", "project name", "initiative"],
  summary: ["description", "summary", "short description", "one line summary", "overview", "use case description"],
  workflow: ["workflow", "process", "business process", "workflow it changes", "workflow changed", "current process"],
  targetOutcome: [
    "target outcome",
    "outcome",
    "expected outcome",
    "kpi",
    "success metric",
    "success criteria",
    "expected benefit",
    "benefit",
    "goal",
    "objective",
  ],
  businessUnit: ["business unit", "bu", "department", "dept", "division", "unit", "function", "business area"],
  owningTeam: ["team", "owning team", "delivery team", "squad", "team name"],
  ownerName: ["owner", "owner name", "product owner", "pilot owner", "lead", "responsible", "accountable"],
  ownerEmail: ["owner email", "owner e mail", "email", "e mail", "owner mail", "contact email"],
  executiveSponsor: ["sponsor", "executive sponsor", "exec sponsor", "business sponsor"],
  stage: ["stage", "status", "phase", "lifecycle stage", "maturity"],
  startDate: ["start date", "start", "started", "kick off", "kickoff", "kick off date", "kickoff date", "started on"],
  targetProductionDate: [
    "target date",
    "target production date",
    "go live",
    "go live date",
    "target go live",
    "production date",
    "due date",
    "deadline",
  ],
  monthlyRunCost: ["monthly cost", "monthly run cost", "cost per month", "run cost", "monthly spend", "cost"],
  outcomesPerMonth: ["outcomes per month", "monthly outcomes", "volume per month", "monthly volume"],
  tags: ["tags", "tag", "labels", "keywords", "categories"],
};

const BY_HEADING = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => HEADING_SYNONYMS[field].map((h) => [h, field] as const)),
);

/** The field a heading names, if it is a common one: "Use case", "Department", "Owner e-mail"… */
export function fieldForHeading(heading: string): ImportField | null {
  const plain = normalise(heading);
  // "Monthly cost (EUR)", "Start date [dd/mm/yyyy]": the bracketed part is a unit or a format.
  const unbracketed = normalise(heading.replace(/\([^)]*\)|\[[^\]]*\]/g, " "));
  return BY_HEADING.get(plain) ?? BY_HEADING.get(unbracketed) ?? null;
}

/** One entry per column: the field it fills, or null to ignore the column. */
export type ColumnMapping = (ImportField | null)[];

/** The automatic mapping: each field taken by the first column whose heading names it. */
export function detectMapping(headers: readonly string[]): ColumnMapping {
  const taken = new Set<ImportField>();
  return headers.map((heading) => {
    const field = fieldForHeading(heading);
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

// Stage names as clients write them (normalised).
const STAGE_SYNONYMS: Record<PilotStage, readonly string[]> = {
  IDEA: ["idea", "ideation", "proposed", "proposal", "backlog", "concept", "discovery", "exploration", "not started"],
  PILOT: [
    "pilot",
    "poc",
    "proof of concept",
    "pilot phase",
    "in pilot",
    "piloting",
    "prototype",
    "experiment",
    "mvp",
    "trial",
  ],
  PRODUCTION_INTENT: [
    "production intent",
    "approved",
    "approved for production",
    "scaling",
    "scale up",
    "pre production",
    "preproduction",
    "rollout",
    "go live planned",
  ],
  PRODUCTION: ["production", "in production", "live", "production live", "deployed", "in use", "ga", "operational"],
  RETIRED: ["retired", "stopped", "cancelled", "canceled", "abandoned", "decommissioned", "closed", "killed"],
};

const BY_STAGE = new Map<string, PilotStage>(
  (Object.entries(STAGE_SYNONYMS) as [PilotStage, readonly string[]][]).flatMap(([stage, names]) =>
    names.map((n) => [n, stage] as const),
  ),
);

/** The stage a cell names ("POC", "Proof of concept", "Live", "In production"…), or null. */
export function stageFromText(text: string): PilotStage | null {
  return BY_STAGE.get(normalise(text)) ?? null;
}
