import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { STAGES } from "@/modules/pilots/shared";
import { nullableNumeric, numeric } from "./parse";
import type { Scope } from "./scope";
import type { FunnelStage } from "./types";

// One aggregate row with a FILTERed median per stage: no sort of every stay by stage first.
const perStage = Prisma.join(
  STAGES.map(
    (stage) => Prisma.sql`
        percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FILTER (WHERE stage = ${Prisma.raw(`'${stage}'`)}) AS ${Prisma.raw(`"${stage}"`)},
        count(days) FILTER (WHERE stage = ${Prisma.raw(`'${stage}'`)})::int AS ${Prisma.raw(`"${stage}_stays"`)},
        count(*) FILTER (WHERE stage = ${Prisma.raw(`'${stage}'`)} AND current)::int AS ${Prisma.raw(`"${stage}_pilots"`)}`,
  ),
  ",",
);

/**
 * Pilots in each stage now and the median days per stay in each stage, from the stage history.
 * A past stay lasts from entering the stage to leaving it (leftAt, stored when the next stage is
 * entered); the current stay lasts until now. Both count: leaving out current stays would hide
 * exactly the pilots that are stuck.
 *
 * Unlike every other figure, the funnel counts retired pilots without a stage filter asking for
 * them (`whereWithRetired`): RETIRED is where the funnel ends, and a retired pilot's past stays
 * are as true a measure of how long each stage takes as anyone's. A stage filter still applies.
 */
export async function funnelQuery(s: Scope): Promise<FunnelStage[]> {
  const rows = await db.$queryRaw<unknown[]>`
    WITH stays AS (
      SELECT c."toStage" AS stage,
        GREATEST(0, extract(epoch FROM COALESCE(c."leftAt", ${s.now}) - c."enteredAt") / 86400) AS days,
        false AS current
      FROM ${s.from(false)}
      JOIN "PilotStageChange" c ON c."pilotId" = p.id
      WHERE ${s.whereWithRetired()}
      UNION ALL
      -- Each pilot once, in the stage it is in now (counted, not measured: its stay is above).
      SELECT p.stage AS stage, NULL AS days, true AS current
      FROM ${s.from(false)}
      WHERE ${s.whereWithRetired()}
    )
    SELECT ${perStage} FROM stays`;
  // The columns are named after the stages, so each is checked as it is read.
  const [row] = z.tuple([z.record(z.string(), z.unknown())]).parse(rows);
  return STAGES.map((stage) => ({
    stage,
    pilots: numeric.parse(row[`${stage}_pilots`]),
    medianDays: nullableNumeric.parse(row[stage]),
    stays: numeric.parse(row[`${stage}_stays`]),
  }));
}
