import { z } from "zod";
import { db } from "@/lib/db";
import { jsonText } from "./parse";

const facetsSchema = z.object({ units: z.array(z.string()), teams: z.array(z.string()), tags: z.array(z.string()) });

/** Distinct units, teams and tags of the organisation's active pilots (unfiltered, for the menus). */
export async function facetsQuery(organizationId: string): Promise<z.output<typeof facetsSchema>> {
  const rows = await db.$queryRaw<unknown[]>`
    WITH active AS MATERIALIZED (
      SELECT "businessUnit", "owningTeam", tags FROM "Pilot" WHERE "organizationId" = ${organizationId} AND "archivedAt" IS NULL
    )
    SELECT json_build_object(
      'units', (SELECT COALESCE(json_agg(v ORDER BY v), '[]') FROM (SELECT DISTINCT "businessUnit" AS v FROM active) x),
      'teams', (SELECT COALESCE(json_agg(v ORDER BY v), '[]') FROM (SELECT DISTINCT "owningTeam" AS v FROM active) x),
      'tags', (SELECT COALESCE(json_agg(v ORDER BY v), '[]') FROM (SELECT DISTINCT unnest(tags) AS v FROM active) x)
    )::text AS facets`;
  const [row] = z.tuple([z.object({ facets: jsonText(facetsSchema) })]).parse(rows);
  return row.facets;
}
