import { Prisma } from "@/generated/prisma/client";
import type { PilotStage } from "@/generated/prisma/enums";

/** Columns are `timestamp(3)` holding UTC; `now` is bound as UTC the same way. */
export function utc(now: Date): Prisma.Sql {
  return Prisma.sql`(CAST(${now.toISOString()} AS timestamptz) AT TIME ZONE 'UTC')`;
}

/** A constant list of stages as SQL literals (our own constants, never user input). */
export const stageList = (stages: readonly PilotStage[]) => Prisma.raw(stages.map((s) => `'${s}'`).join(", "));

/** Whole days from a timestamp column to now, never negative. */
export const daysSince = (now: Prisma.Sql, column: Prisma.Sql) =>
  Prisma.sql`GREATEST(0, floor(extract(epoch FROM (${now} - ${column})) / 86400))::int`;

export const isoTimestamp = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * One figure's share of the per-pilot statement (pilot-figures.ts): its CTEs, which read the
 * `base` CTE, and the JSON value it adds to the result.
 */
export interface FigurePart {
  ctes: Prisma.Sql;
  json: Prisma.Sql;
}
