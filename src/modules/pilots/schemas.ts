import { z } from "zod";
import { STAGES } from "./stages";

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .max(max, `Use at most ${max} characters.`);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : null));

const optionalDate = z
  .union([z.literal(""), z.iso.date({ error: "Enter a date as YYYY-MM-DD." })])
  .optional()
  .transform((v) => (v ? new Date(`${v}T00:00:00.000Z`) : null));

const optionalWholeNumber = (label: string) =>
  z.preprocess(
    (v) =>
      v === "" || v === undefined || v === null ? null : typeof v === "string" ? Number(v.replace(/[,\s]/g, "")) : v,
    z
      .number({ error: `${label} must be a number.` })
      .int(`${label} must be a whole number.`)
      .min(0, `${label} cannot be negative.`)
      .max(1_000_000_000, `${label} is too large.`)
      .nullable(),
  );

const tags = z
  .preprocess(
    (v) => (typeof v === "string" ? v.split(",") : Array.isArray(v) ? v : []),
    z.array(z.string().trim().toLowerCase().max(40, "Each tag can have at most 40 characters.")),
  )
  .transform((list) => [...new Set(list.filter(Boolean))])
  .pipe(z.array(z.string()).max(20, "Use at most 20 tags."));

/** The pilot form: the same schema validates in the browser and on the server. */
export const pilotInputSchema = z
  .object({
    name: text("a name", 120),
    summary: text("a one-line summary", 200),
    workflow: text("the workflow it changes", 500),
    targetOutcome: text("the measurable outcome it targets", 500),
    businessUnit: text("a business unit", 80),
    owningTeam: text("the owning team", 80),
    ownerName: optionalText(120),
    ownerEmail: z
      .union([z.literal(""), z.email("Enter a valid email address, like name@company.com.")])
      .optional()
      .transform((v) => (v ? v.toLowerCase() : null)),
    executiveSponsor: optionalText(120),
    stage: z.enum(STAGES, { error: "Choose a stage." }),
    startDate: optionalDate,
    targetProductionDate: optionalDate,
    monthlyRunCost: optionalWholeNumber("Monthly run cost"),
    outcomesPerMonth: optionalWholeNumber("Outcomes per month"),
    tags,
  })
  .superRefine((v, ctx) => {
    if (v.startDate && v.targetProductionDate && v.targetProductionDate < v.startDate) {
      ctx.addIssue({
        code: "custom",
        path: ["targetProductionDate"],
        message: "The target production date must be on or after the start date.",
      });
    }
    if (v.ownerEmail && !v.ownerName) {
      ctx.addIssue({ code: "custom", path: ["ownerName"], message: "Enter the owner's name as well as their email." });
    }
  });

export type PilotInput = z.output<typeof pilotInputSchema>;
export type PilotFormValues = z.input<typeof pilotInputSchema>;

export const pilotUpdateSchema = z.object({
  expectedVersion: z.coerce.number().int().min(1),
});

export const PILOT_SORTS = ["name", "stage", "updated", "cost", "target"] as const;

export const pilotListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  stage: z.enum(STAGES).optional().catch(undefined),
  unit: z.string().trim().max(80).optional().catch(undefined),
  sort: z.enum(PILOT_SORTS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  // "1" in a URL; a boolean once parsed (parsing twice must give the same result).
  archived: z
    .union([z.boolean(), z.enum(["0", "1"]).transform((v) => v === "1")])
    .optional()
    .catch(undefined)
    .transform((v) => v === true),
});
export type PilotListQuery = z.output<typeof pilotListQuerySchema>;
