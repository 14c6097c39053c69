import "server-only";
import { db, type Prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { assertCan, type Actor } from "@/modules/access/shared";
import type { Level } from "@/modules/scoring";
import { DEFAULT_FRAMEWORK, type FrameworkContent } from "./default-framework";
import type { VersionContent } from "./spec";

export { toSpec, type VersionContent } from "./spec";

/** Writes framework content as a new version; used for the default framework and for copies. */
export async function writeVersion(
  tx: Prisma.TransactionClient,
  frameworkId: string,
  version: number,
  content: Pick<FrameworkContent, "thresholds" | "pillars">,
  status: "DRAFT" | "PUBLISHED",
  now = new Date(),
): Promise<string> {
  const created = await tx.frameworkVersion.create({
    data: {
      frameworkId,
      version,
      status,
      readyThreshold: content.thresholds.ready,
      conditionalThreshold: content.thresholds.conditional,
      publishedAt: status === "PUBLISHED" ? now : null,
      createdAt: now,
    },
    select: { id: true },
  });
  for (const [position, pillar] of content.pillars.entries()) {
    const p = await tx.frameworkPillar.create({
      data: { versionId: created.id, key: pillar.key, title: pillar.title, description: pillar.description, position },
      select: { id: true },
    });
    await tx.frameworkCriterion.createMany({
      data: pillar.criteria.map((c, i) => ({
        versionId: created.id,
        pillarId: p.id,
        key: c.key,
        title: c.title,
        whyItMatters: c.whyItMatters,
        guidance: c.guidance,
        levels: [...c.levels],
        weight: c.weight,
        isGate: c.isGate,
        targetLevel: c.targetLevel,
        remediation: c.remediation,
        position: i,
      })),
    });
  }
  return created.id;
}

/**
 * Every organisation has its own copy of the default framework, with version 1 published.
 * New organisations get it on first use, and so do organisations that existed before it.
 */
export async function ensureDefaultFramework(organizationId: string, now = new Date()): Promise<string> {
  const existing = await db.framework.findUnique({
    where: { organizationId_slug: { organizationId, slug: DEFAULT_FRAMEWORK.slug } },
    select: { id: true },
  });
  if (existing) return existing.id;
  try {
    return await db.$transaction(async (tx) => {
      const framework = await tx.framework.create({
        data: {
          organizationId,
          slug: DEFAULT_FRAMEWORK.slug,
          name: DEFAULT_FRAMEWORK.name,
          description: DEFAULT_FRAMEWORK.description,
          createdAt: now,
        },
        select: { id: true },
      });
      await writeVersion(tx, framework.id, DEFAULT_FRAMEWORK.version, DEFAULT_FRAMEWORK, "PUBLISHED", now);
      return framework.id;
    });
  } catch (error) {
    // Two first requests racing: the unique (organizationId, slug) decides; use the winner's.
    if ((error as { code?: string }).code !== "P2002") throw error;
    const winner = await db.framework.findUniqueOrThrow({
      where: { organizationId_slug: { organizationId, slug: DEFAULT_FRAMEWORK.slug } },
      select: { id: true },
    });
    return winner.id;
  }
}

/** The version new assessments pin: the latest published version of the organisation's framework. */
export async function currentPublishedVersionId(actor: Actor): Promise<string> {
  assertCan(actor, "org:read");
  const frameworkId = await ensureDefaultFramework(actor.organizationId);
  const latest = await db.frameworkVersion.findFirst({
    where: { frameworkId, status: "PUBLISHED", framework: { organizationId: actor.organizationId } },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  if (!latest) throw notFound("This organisation has no published framework version.");
  return latest.id;
}

/**
 * Reads a version's content, checked to belong to the actor's organisation, through `client`
 * (the app's client, or a transaction that must see its own writes).
 */
export async function readVersionContent(
  client: Prisma.TransactionClient,
  actor: Actor,
  versionId: string,
): Promise<VersionContent> {
  const version = await client.frameworkVersion.findFirst({
    where: { id: versionId, framework: { organizationId: actor.organizationId } },
    select: {
      id: true,
      version: true,
      status: true,
      readyThreshold: true,
      conditionalThreshold: true,
      framework: { select: { id: true, name: true } },
      pillars: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          key: true,
          title: true,
          description: true,
          criteria: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              key: true,
              title: true,
              whyItMatters: true,
              guidance: true,
              levels: true,
              weight: true,
              isGate: true,
              targetLevel: true,
              remediation: true,
            },
          },
        },
      },
    },
  });
  if (!version) throw notFound("Framework version not found.");
  return {
    id: version.id,
    frameworkId: version.framework.id,
    frameworkName: version.framework.name,
    version: version.version,
    status: version.status,
    thresholds: { ready: version.readyThreshold, conditional: version.conditionalThreshold },
    pillars: version.pillars.map((p) => ({
      ...p,
      criteria: p.criteria.map((c) => ({ ...c, targetLevel: c.targetLevel as Level })),
    })),
  };
}

// Published versions never change, so their content can be cached for the life of the process.
const publishedCache = new Map<string, VersionContent>();

/** A version's content, checked to belong to the actor's organisation; published ones are cached. */
export async function loadVersionContent(actor: Actor, versionId: string): Promise<VersionContent> {
  const cached = publishedCache.get(versionId);
  if (cached) {
    // The cache never bypasses the tenant check.
    const owned = await db.frameworkVersion.count({
      where: { id: versionId, framework: { organizationId: actor.organizationId } },
    });
    if (owned !== 1) throw notFound("Framework version not found.");
    return cached;
  }
  const content = await readVersionContent(db, actor, versionId);
  if (content.status === "PUBLISHED") publishedCache.set(versionId, content);
  return content;
}
