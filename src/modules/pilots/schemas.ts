import { z } from "zod";
import type { PilotStage } from "@/generated/prisma/enums";
import { filterText, isCleanText, UNSAFE_TEXT_MESSAGES } from "@/lib/validation";
import { VERDICTS } from "@/modules/scoring";
import { STAGES } from "./stages";

// Control characters are refused on the server whatever the schema says (parseInput); checking
// them here as well lets the form say so at once, next to the field.
const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .max(max, `Use at most ${max} characters.`)
    .refine(isCleanText, UNSAFE_TEXT_MESSAGES.control);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .refine(isCleanText, UNSAFE_TEXT_MESSAGES.control)
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
    z.array(
      z
        .string()
        .trim()
        .toLowerCase()
        .max(40, "Each tag can have at most 40 characters.")
        .refine(isCleanText, UNSAFE_TEXT_MESSAGES.control),
    ),
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
  .superRefine(
    (v, ctx) => {
      if (v.startDate && v.targetProductionDate && v.targetProductionDate < v.startDate) {
        ctx.addIssue({
          code: "custom",
          path: ["targetProductionDate"],
          message: "The target production date must be on or after the start date.",
        });
      }
      if (v.ownerEmail && !v.ownerName) {
        ctx.addIssue({
          code: "custom",
          path: ["ownerName"],
          message: "Enter the owner's name as well as their email.",
        });
      }
      // Run even when other fields are invalid, so the form reports every problem in one round.
    },
    { when: ({ value }) => crossFieldsParsed(value) },
  );

/** The cross-field checks need both dates and the owner fields parsed, whatever else failed. */
function crossFieldsParsed(value: unknown): boolean {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  const dateOrNull = (d: unknown) => d === null || d instanceof Date;
  return (
    dateOrNull(v.startDate) &&
    dateOrNull(v.targetProductionDate) &&
    (v.ownerName === null || typeof v.ownerName === "string")
  );
}

export type PilotInput = z.output<typeof pilotInputSchema>;
export type PilotFormValues = z.input<typeof pilotInputSchema>;

export const pilotUpdateSchema = z.object({
  expectedVersion: z.coerce.number().int().min(1),
  // Why the pilot moves towards production anyway; required by the stage gate (stage-gate.ts)
  // when its latest verdict is not good enough, stored with the stage change.
  stageReason: z
    .string()
    .trim()
    .max(1000, "Use at most 1000 characters.")
    .nullish()
    .transform((v) => (v ? v : null)),
});

export const PILOT_SORTS = ["name", "stage", "readiness", "updated", "cost", "target"] as const;
export type PilotSort = (typeof PILOT_SORTS)[number];
export type SortDir = "asc" | "desc";

/** The direction a column sorts in when first chosen: newest, most ready and most expensive first. */
export const PILOT_SORT_FIRST_DIR: Record<PilotSort, SortDir> = {
  name: "asc",
  stage: "asc",
  readiness: "desc",
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

/** A pilot without a completed assessment, as a verdict filter value. */
export const NOT_ASSESSED = "NOT_ASSESSED" as const;
/** Verdict filter values: the latest completed assessment's verdict, or none yet. */
export const VERDICT_FILTERS = [...VERDICTS, NOT_ASSESSED] as const;
export type VerdictFilter = (typeof VERDICT_FILTERS)[number];

/** No filter keeps more values than this (a longer list in a URL is cut, not refused). */
export const MAX_FILTER_VALUES = 50;

/**
 * Distinct values in a fixed order — `order` for enumerations, code-point order for text — and at
 * most MAX_FILTER_VALUES: the same selection always gives the same query, URL and cache key.
 */
export function canonicalValues<T extends string>(values: readonly T[], order?: readonly T[]): T[] {
  const distinct = [...new Set(values)];
  distinct.sort(order ? (a, b) => order.indexOf(a) - order.indexOf(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return distinct.slice(0, MAX_FILTER_VALUES);
}

/**
 * One filter with several values (a repeated URL parameter; OR within the filter). Each value is
 * checked on its own and a bad one is dropped, so a hand-edited link still opens; never fails.
 */
export function multiValue<T extends string>(value: z.ZodType<T>, order?: readonly T[]) {
  return z
    .preprocess(
      (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.unknown()).transform((values) =>
        canonicalValues(
          values.flatMap((v) => {
            const parsed = value.safeParse(v);
            return parsed.success ? [parsed.data] : [];
          }),
          order,
        ),
      ),
    )
    .catch([] as T[]);
}

const cleanText = (max: number) => z.string().trim().min(1).max(max).refine(isCleanText);

/**
 * The filters the portfolio dashboard and the pilot list share, under their URL names, each
 * with several values: OR within a filter, AND across filters. Tags are stored lower-case.
 */
export const pilotFilterFields = {
  unit: multiValue(cleanText(80)),
  stage: multiValue(z.enum(STAGES), STAGES),
  team: multiValue(cleanText(80)),
  tag: multiValue(z.string().trim().toLowerCase().min(1).max(40).refine(isCleanText)),
  verdict: multiValue(z.enum(VERDICT_FILTERS), VERDICT_FILTERS),
};

/** URL name → parsed name of each several-valued filter. */
export const PILOT_FILTER_NAMES = {
  unit: "units",
  stage: "stages",
  team: "teams",
  tag: "tags",
  verdict: "verdicts",
} as const;

/** The shared filters once parsed: arrays, empty when the filter is off. */
export interface PilotFilterValues {
  units: string[];
  stages: PilotStage[];
  teams: string[];
  tags: string[];
  verdicts: VerdictFilter[];
}

/**
 * Search params — URLSearchParams, Next's `searchParams` object or an already parsed query —
 * as one plain object for a schema: every value of the several-valued filters (under their URL
 * or parsed name), the first value of anything else. Parsing a parsed query gives it back.
 */
export function searchParamsInput(input: unknown, multi: Readonly<Record<string, string>>): Record<string, unknown> {
  const all = new Map<string, unknown[]>();
  const add = (key: string, values: unknown[]) => all.set(key, [...(all.get(key) ?? []), ...values]);
  if (input instanceof URLSearchParams) for (const [k, v] of input) add(k, [v]);
  else if (input && typeof input === "object") {
    for (const [k, v] of Object.entries(input)) add(k, Array.isArray(v) ? v : v === undefined ? [] : [v]);
  }
  const parsedNames = new Set(Object.values(multi));
  return Object.fromEntries([
    ...[...all]
      .filter(([k, values]) => !Object.hasOwn(multi, k) && !parsedNames.has(k) && values.length > 0)
      .map(([k, values]) => [k, values[0]]),
    ...Object.entries(multi).map(([url, parsed]) => [url, [...(all.get(url) ?? []), ...(all.get(parsed) ?? [])]]),
  ]);
}

/** The shared filters as repeated URL parameters, in a fixed order (unit, stage, team, tag, verdict). */
export function appendPilotFilters(params: URLSearchParams, filters: Partial<PilotFilterValues>): URLSearchParams {
  for (const v of canonicalValues(filters.units ?? [])) params.append("unit", v);
  for (const v of canonicalValues(filters.stages ?? [], STAGES)) params.append("stage", v);
  for (const v of canonicalValues(filters.teams ?? [])) params.append("team", v);
  for (const v of canonicalValues(filters.tags ?? [])) params.append("tag", v);
  for (const v of canonicalValues(filters.verdicts ?? [], VERDICT_FILTERS)) params.append("verdict", v);
  return params;
}

/** A criterion key, as the `gap` filter takes it (e.g. observability.drift). */
const CRITERION_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

// Every field falls back to its default rather than failing: a hand-edited URL still shows a
// list. Parsing is idempotent (parsing an already parsed query gives the same query).
const pilotListFields = z.object({
  q: filterText(100),
  ...pilotFilterFields,
  // Pilots whose latest completed assessment has this criterion below target (a recurring gap
  // on the dashboard opens the list with it).
  gap: z.string().regex(CRITERION_KEY).optional().catch(undefined),
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

/**
 * The pilot list's query: search, the shared filters (`?unit=Claims&unit=Retail&stage=PILOT`),
 * `gap`, sort, archive view and page. Takes URLSearchParams, Next's searchParams or a parsed query.
 */
export const pilotListQuerySchema = z.preprocess(
  (input) => searchParamsInput(input, PILOT_FILTER_NAMES),
  pilotListFields.transform(({ unit, stage, team, tag, verdict, ...rest }) => ({
    ...rest,
    units: unit,
    stages: stage,
    teams: team,
    tags: tag,
    verdicts: verdict,
  })),
);
export type PilotListQuery = z.output<typeof pilotListQuerySchema>;

/** The list with nothing chosen, parsed once: pages build many links from it. */
export const DEFAULT_PILOT_LIST_QUERY: Readonly<PilotListQuery> = Object.freeze(pilotListQuerySchema.parse({}));

/** True when the list is narrowed by search, a shared filter or a gap (not by sort, page or archive view). */
export function hasPilotListFilters(query: PilotListQuery): boolean {
  return Boolean(
    query.q ||
    query.gap ||
    query.units.length ||
    query.stages.length ||
    query.teams.length ||
    query.tags.length ||
    query.verdicts.length,
  );
}

/**
 * The URL query of a list view: `query` with `changes` applied, defaults left out so URLs stay
 * short. Changing anything but the page goes back to page 1 (the old page may not exist).
 */
export function pilotListSearch(query: PilotListQuery, changes: Partial<PilotListQuery> = {}): string {
  const resetPage = changes.page === undefined && Object.keys(changes).length > 0;
  const next = { ...query, ...(resetPage ? { page: 1 } : {}), ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  appendPilotFilters(params, next);
  if (next.gap) params.set("gap", next.gap);
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
