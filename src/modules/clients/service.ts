import "server-only";
import { db } from "@/lib/db";
import type { Actor, SessionUser } from "@/modules/access";
import { listFrameworks } from "@/modules/frameworks";
import { getPortfolioCached } from "@/modules/portfolio";
import { getWorkshopFollowUps } from "@/modules/workshops";
import type { Role } from "@/generated/prisma/enums";

/**
 * Every client at once: a consultant (anyone in several organisations) sees each organisation's
 * headline beside the others. The figures are the dashboard's own (the same cached computation,
 * default filters), so the home page and each dashboard always agree.
 */
export interface OrganizationOverview {
  slug: string;
  name: string;
  role: Role;
  /** Pilots in the figures (retired and archived left out, as on the dashboard). */
  pilots: number;
  assessed: number;
  ready: number;
  /** ready / assessed; null when none is assessed. */
  readyShare: number | null;
  medianReadiness: number | null;
  stalled: number;
  /** The latest completed assessment in the organisation. */
  lastAssessedAt: Date | null;
  /** The date of the latest closed workshop. */
  lastWorkshopOn: Date | null;
  /** Items of closed workshops the room disagreed on or marked "verify with evidence". */
  followUps: number;
}

/** How many organisations' figures are computed at once (each is one pass over its pilots). */
const CONCURRENCY = 4;

export async function listOrganizationOverviews(user: SessionUser, now = new Date()): Promise<OrganizationOverview[]> {
  const actors: (Actor & { slug: string; name: string })[] = user.memberships.map((m) => ({
    userId: user.id,
    organizationId: m.organizationId,
    role: m.role,
    slug: m.organizationSlug,
    name: m.organizationName,
  }));
  if (actors.length === 0) return [];

  // Scoped to the person's own memberships in the query itself.
  const lastAssessed = await db.$queryRaw<{ organizationId: string; at: Date | null }[]>`
    SELECT a."organizationId", max(a."completedAt") AS at
    FROM "Assessment" a
    JOIN "Membership" m ON m."organizationId" = a."organizationId" AND m."userId" = ${user.id}
    WHERE a.status = 'COMPLETED'
    GROUP BY a."organizationId"`;
  const lastByOrg = new Map(lastAssessed.map((r) => [r.organizationId, r.at]));
  const lastWorkshops = await db.$queryRaw<{ organizationId: string; on: Date | null }[]>`
    SELECT w."organizationId", max(w.date) AS on
    FROM "Workshop" w
    JOIN "Membership" m ON m."organizationId" = w."organizationId" AND m."userId" = ${user.id}
    WHERE w.status = 'CLOSED'
    GROUP BY w."organizationId"`;
  const workshopByOrg = new Map(lastWorkshops.map((r) => [r.organizationId, r.on]));

  const overviews: OrganizationOverview[] = new Array(actors.length);
  let next = 0;
  const worker = async () => {
    while (next < actors.length) {
      const i = next++;
      const actor = actors[i]!;
      const [{ headline }, followUps] = await Promise.all([
        getPortfolioCached(actor, {}, now),
        workshopByOrg.has(actor.organizationId) ? getWorkshopFollowUps(actor) : [],
      ]);
      overviews[i] = {
        slug: actor.slug,
        name: actor.name,
        role: actor.role,
        pilots: headline.total,
        assessed: headline.assessed,
        ready: headline.ready,
        readyShare: headline.readyShare,
        medianReadiness: headline.medianReadiness,
        stalled: headline.stalled,
        lastAssessedAt: lastByOrg.get(actor.organizationId) ?? null,
        lastWorkshopOn: workshopByOrg.get(actor.organizationId) ?? null,
        followUps: followUps.length,
      };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, actors.length) }, worker));
  return overviews;
}

export interface CopyableVersion {
  versionId: string;
  organizationSlug: string;
  organizationName: string;
  label: string;
}

/** The published framework versions a person can copy from: every version of every organisation they are in. */
export async function listCopyableVersions(user: SessionUser): Promise<CopyableVersion[]> {
  const lists = await Promise.all(
    user.memberships.map(async (m) => {
      const frameworks = await listFrameworks({ userId: user.id, organizationId: m.organizationId, role: m.role });
      return frameworks.flatMap((f) =>
        f.versions
          .filter((v) => v.status === "PUBLISHED")
          .map((v) => ({
            versionId: v.id,
            organizationSlug: m.organizationSlug,
            organizationName: m.organizationName,
            label: `${f.name} v${v.version}${v.isCurrent ? " (current)" : ""} · ${v.criterionCount} criteria`,
          })),
      );
    }),
  );
  return lists.flat();
}
