import { z } from "zod";
import { filterText } from "@/lib/validation";
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
export type PilotSort = (typeof PILOT_SORTS)[number];
export type SortDir = "asc" | "desc";

/** The direction a column sorts in when first chosen: newest and most expensive first. */
export const PILOT_SORT_FIRST_DIR: Record<PilotSort, SortDir> = {
  name: "asc",
  stage: "asc",
  updated: "desc",
  cost: "desc",
  target: "asc",
};

/** The page sizes offered; anything else in the URL falls back to the first. */
export const PILOT_PAGE_SIZES = [25, 50, 100] as const;
export type PilotPageSize = (typeof PILOT_PAGE_SIZES)[number];
export const DEFAULT_PILOT_PAGE_SIZE: PilotPageSize = 25;
/** No list gets this long; a larger page number is "past the end" all the same. */
const MAX_PAGE = 100_000;

// Every field falls back to its default rather than failing: a hand-edited URL still shows a
// list. Parsing is idempotent (parsing an already parsed query gives the same query).
export const pilotListQuerySchema = z.object({
  q: filterText(100),
  stage: z.enum(STAGES).optional().catch(undefined),
  unit: filterText(80),
  sort: z.enum(PILOT_SORTS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  // "1" in a URL; a boolean once parsed (parsing twice must give the same result).
  archived: z
    .union([z.boolean(), z.enum(["0", "1"]).transform((v) => v === "1")])
    .optional()
    .catch(undefined)
    .transform((v) => v === true),
  // 1-based. A page past the end is clamped to the last page by the service, which knows the total.
  page: z.coerce
    .number()
    .int()
    .min(1)
    .catch(1)
    .transform((p) => Math.min(p, MAX_PAGE)),
  size: z.coerce.number().pipe(z.literal(PILOT_PAGE_SIZES)).catch(DEFAULT_PILOT_PAGE_SIZE),
});
export type PilotListQuery = z.output<typeof pilotListQuerySchema>;

/**
 * The URL query of a list view: `query` with `changes` applied, defaults left out so URLs stay
 * short. Changing anything but the page goes back to page 1 (the old page may not exist).
 */
export function pilotListSearch(query: PilotListQuery, changes: Partial<PilotListQuery> = {}): string {
  const resetPage = changes.page === undefined && Object.keys(changes).length > 0;
  const next = { ...query, ...(resetPage ? { page: 1 } : {}), ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.stage) params.set("stage", next.stage);
  if (next.unit) params.set("unit", next.unit);
  if (next.sort !== "name" || next.dir !== "asc") {
    params.set("sort", next.sort);
    params.set("dir", next.dir);
  }
  if (next.archived) params.set("archived", "1");
  if (next.size !== DEFAULT_PILOT_PAGE_SIZE) params.set("size", String(next.size));
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}
