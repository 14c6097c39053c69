import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { STAGES } from "@/modules/pilots/shared";
import { VERDICTS } from "@/modules/scoring";

// Zod schemas for what the raw queries return: rows are parsed at the boundary instead of being
// cast, so a query that drifts from its types fails loudly instead of yielding wrong figures.

/**
 * Raw numbers arrive as number, bigint or numeric (string/Decimal) depending on the column type
 * and the driver (PGlite or node-postgres); all become plain finite numbers.
 */
export const numeric = z
  .union([z.number(), z.bigint(), z.string().trim().min(1), z.instanceof(Prisma.Decimal)])
  .transform(Number)
  .pipe(z.number());

/** For values that may be unknown (a median of nothing, a missing cost): null stays null, never 0. */
export const nullableNumeric = numeric.nullable();

export const stage = z.enum(STAGES);
export const verdict = z.enum(VERDICTS);

/** A JSON document built in SQL and sent as `::text`: parsed, then checked against `schema`. */
export function jsonText<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text): unknown => JSON.parse(text))
    .pipe(schema);
}

/** A `json_agg` result: null when it aggregated no rows, read as an empty list. */
export function jsonList<T extends z.ZodType>(row: T) {
  return z
    .array(row)
    .nullable()
    .transform((rows) => rows ?? []);
}

/** Pillar scores by pillar key (`json_object_agg`); null when the assessment stored none. */
export const pillarScores = z
  .record(z.string(), nullableNumeric)
  .nullable()
  .transform((scores) => scores ?? {});
