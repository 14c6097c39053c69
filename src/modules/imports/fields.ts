import type { PilotStage } from "@/generated/prisma/enums";

/** The pilot fields a spreadsheet column can fill, in the order the template lists them. */
export const IMPORT_FIELDS = [
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
  "outcomesPerMonth",
  "tags",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** How the mapping editor, the template and error messages name each field. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  externalId: "ID",
  name: "Name",
  summary: "Summary",
  workflow: "Workflow",
  targetOutcome: "Target outcome",
  businessUnit: "Business unit",
  owningTeam: "Team",
  ownerName: "Owner",
  ownerEmail: "Owner email",
  executiveSponsor: "Sponsor",
  stage: "Stage",
  startDate: "Start date",
  targetProductionDate: "Target date",
  monthlyRunCost: "Monthly cost",
  outcomesPerMonth: "Outcomes per month",
  tags: "Tags",
};

/** Fields a new pilot cannot do without (the pilot form requires them too). */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = [
  "name",
  "summary",
  "workflow",
  "targetOutcome",
  "businessUnit",
  "owningTeam",
];

/** The stage a new pilot gets when the sheet says none: the pilot form's default. */
export const DEFAULT_IMPORT_STAGE: PilotStage = "PILOT";

/** Limits on an uploaded file. */
export const IMPORT_LIMITS = {
  bytes: 10 * 1024 * 1024,
  rows: 20_000,
  columns: 200,
} as const;

export const IMPORT_ROW_STATUSES = ["new", "update", "unchanged", "error"] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];
