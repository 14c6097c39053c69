import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan, type Actor } from "@/modules/access/shared";
import { validateFrameworkSpec } from "@/modules/scoring";
import {
  addCriterionSchema,
  addPillarSchema,
  criterionSchema,
  MAX_WEIGHT,
  MIN_WEIGHT,
  pillarSchema,
  thresholdsSchema,
} from "./admin-schemas";
import type { CriterionContent, FrameworkContent } from "./default-framework";
import {
  ensureDefaultFramework,
  loadVersionContent,
  readVersionContent,
  toSpec,
  writeVersion,
  type VersionContent,
} from "./service";

/**
 * Custom frameworks without a deploy: admins copy a version into a DRAFT, edit it, publish it.
 *
 * - Every query names the actor's organisation itself; an id from elsewhere matches nothing (404).
 * - Only a DRAFT can change. Each edit locks its version row (`FOR UPDATE`), so an edit and a
 *   publish of the same draft serialise: no edit can land in a version after it was published.
 * - Assessments pin a version id, so publishing changes nothing for assessments in progress;
 *   new assessments pin the latest published version (`currentPublishedVersionId`).
 */

const EDIT_PUBLISHED = "A published version cannot be edited. Create a new draft from it.";

type Tx = Prisma.TransactionClient;

/** Ids come from the browser: anything that is not a plausible id is simply not found. */
function asId(value: unknown, what: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 64) throw notFound(`${what} not found.`);
  return value;
}

interface LockedVersion {
  id: string;
  frameworkId: string;
  version: number;
  status: "DRAFT" | "PUBLISHED";
}

/** Locks a version of the actor's organisation for the rest of the transaction; 404 otherwise. */
async function lockVersion(tx: Tx, actor: Actor, versionId: string): Promise<LockedVersion> {
  const rows = await tx.$queryRaw<LockedVersion[]>`
    SELECT v.id, v."frameworkId", v.version, v.status::text AS status
    FROM "FrameworkVersion" v
    JOIN "Framework" f ON f.id = v."frameworkId"
    WHERE v.id = ${versionId} AND f."organizationId" = ${actor.organizationId}
    FOR UPDATE OF v`;
  const row = rows[0];
  if (!row) throw notFound("Framework version not found.");
  return row;
}

async function lockDraft(tx: Tx, actor: Actor, versionId: string): Promise<LockedVersion> {
  const version = await lockVersion(tx, actor, versionId);
  if (version.status !== "DRAFT") throw conflict(EDIT_PUBLISHED);
  return version;
}

async function findPillar(tx: Tx, actor: Actor, pillarId: unknown) {
  const pillar = await tx.frameworkPillar.findFirst({
    where: { id: asId(pillarId, "Pillar"), version: { framework: { organizationId: actor.organizationId } } },
    select: { id: true, key: true, title: true, versionId: true },
  });
  if (!pillar) throw notFound("Pillar not found.");
  return pillar;
}

async function findCriterion(tx: Tx, actor: Actor, criterionId: unknown) {
  const criterion = await tx.frameworkCriterion.findFirst({
    where: { id: asId(criterionId, "Criterion"), version: { framework: { organizationId: actor.organizationId } } },
    select: { id: true, key: true, versionId: true, pillarId: true },
  });
  if (!criterion) throw notFound("Criterion not found.");
  return criterion;
}

// ---- Reading ------------------------------------------------------------------------------------

export interface FrameworkVersionSummary {
  id: string;
  version: number;
  status: "DRAFT" | "PUBLISHED";
  publishedAt: Date | null;
  createdAt: Date;
  /** Assessments (open or completed) that pinned this version. */
  assessmentCount: number;
  pillarCount: number;
  criterionCount: number;
  /** The version new assessments pin: the latest published one. */
  isCurrent: boolean;
}

export interface FrameworkSummary {
  id: string;
  slug: string;
  name: string;
  description: string;
  /** Newest first. */
  versions: FrameworkVersionSummary[];
  /** The framework's one open draft, if any. */
  draft: { id: string; version: number } | null;
}

/** The organisation's frameworks with their versions, newest version first. */
export async function listFrameworks(actor: Actor): Promise<FrameworkSummary[]> {
  assertCan(actor, "org:read");
  await ensureDefaultFramework(actor.organizationId);
  const frameworks = await db.framework.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: [{ createdAt: "asc" }, { name: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      versions: {
        orderBy: { version: "desc" },
        select: {
          id: true,
          version: true,
          status: true,
          publishedAt: true,
          createdAt: true,
          _count: { select: { assessments: true, pillars: true, criteria: true } },
        },
      },
    },
  });
  return frameworks.map((f) => {
    const currentId = f.versions.find((v) => v.status === "PUBLISHED")?.id ?? null;
    const draft = f.versions.find((v) => v.status === "DRAFT");
    return {
      id: f.id,
      slug: f.slug,
      name: f.name,
      description: f.description,
      draft: draft ? { id: draft.id, version: draft.version } : null,
      versions: f.versions.map((v) => ({
        id: v.id,
        version: v.version,
        status: v.status,
        publishedAt: v.publishedAt,
        createdAt: v.createdAt,
        assessmentCount: v._count.assessments,
        pillarCount: v._count.pillars,
        criterionCount: v._count.criteria,
        isCurrent: v.id === currentId,
      })),
    };
  });
}

export interface VersionDetail {
  content: VersionContent;
  publishedAt: Date | null;
  createdAt: Date;
  assessmentCount: number;
  isCurrent: boolean;
  /** The framework's open draft (possibly this version), if any. */
  draft: { id: string; version: number } | null;
}

/** One version's content and facts for the editor; another organisation's id is 404. */
export async function getVersionDetail(actor: Actor, versionId: unknown): Promise<VersionDetail> {
  assertCan(actor, "org:read");
  const id = asId(versionId, "Framework version");
  const content = await loadVersionContent(actor, id);
  const meta = await db.frameworkVersion.findFirst({
    where: { id, framework: { organizationId: actor.organizationId } },
    select: {
      publishedAt: true,
      createdAt: true,
      _count: { select: { assessments: true } },
      framework: {
        select: {
          versions: {
            orderBy: { version: "desc" },
            select: { id: true, version: true, status: true },
          },
        },
      },
    },
  });
  if (!meta) throw notFound("Framework version not found.");
  const draft = meta.framework.versions.find((v) => v.status === "DRAFT");
  const current = meta.framework.versions.find((v) => v.status === "PUBLISHED");
  return {
    content,
    publishedAt: meta.publishedAt,
    createdAt: meta.createdAt,
    assessmentCount: meta._count.assessments,
    isCurrent: current?.id === id,
    draft: draft ? { id: draft.id, version: draft.version } : null,
  };
}

// ---- Drafts -------------------------------------------------------------------------------------

/**
 * Content in the shape `writeVersion` takes. Its literal types (weight 1|2|3, target 2|3) describe
 * the default framework; edited versions hold any value the editor's schemas allow.
 */
function toWritableContent(content: VersionContent): Pick<FrameworkContent, "thresholds" | "pillars"> {
  return {
    thresholds: { ...content.thresholds },
    pillars: content.pillars.map((p) => ({
      key: p.key,
      title: p.title,
      description: p.description,
      criteria: p.criteria.map((c): CriterionContent => ({
        key: c.key,
        title: c.title,
        whyItMatters: c.whyItMatters,
        guidance: c.guidance,
        levels: [...c.levels] as CriterionContent["levels"],
        weight: c.weight as CriterionContent["weight"],
        isGate: c.isGate,
        targetLevel: c.targetLevel as CriterionContent["targetLevel"],
        remediation: c.remediation,
      })),
    })),
  };
}

/**
 * Copies a version of one of the organisation's frameworks into a new DRAFT numbered after the
 * highest version. One draft per framework at a time: a second is refused (409) naming the first.
 */
export async function createDraftFromVersion(
  actor: Actor,
  versionId: unknown,
  now = new Date(),
): Promise<{ id: string; version: number }> {
  assertCan(actor, "framework:manage");
  const source = await loadVersionContent(actor, asId(versionId, "Framework version"));
  return addDraft(actor.organizationId, source.frameworkId, toWritableContent(source), now);
}

/**
 * Copies a version of a framework of one organisation (`source`: the same person's membership
 * there, which must be able to read it) into another (`target`, where they manage frameworks),
 * as a new DRAFT of the target's framework: a checklist tailored for one client, reused for the
 * next. Nothing changes in the target until an admin there publishes the draft. The same
 * one-draft-at-a-time rule holds (409).
 */
export async function copyVersionIntoOrganization(
  target: Actor,
  source: Actor,
  versionId: unknown,
  now = new Date(),
): Promise<{ id: string; version: number }> {
  assertCan(target, "framework:manage");
  assertCan(source, "org:read");
  if (source.userId !== target.userId) throw notFound("Framework version not found.");
  // Read through the source membership: a version of an organisation the person is not in is 404.
  const content = await loadVersionContent(source, asId(versionId, "Framework version"));
  const frameworkId = await ensureDefaultFramework(target.organizationId);
  return addDraft(target.organizationId, frameworkId, toWritableContent(content), now);
}

/** Writes `content` as the framework's new DRAFT, after its highest version; 409 if it has one. */
function addDraft(
  organizationId: string,
  frameworkId: string,
  content: ReturnType<typeof toWritableContent>,
  now: Date,
): Promise<{ id: string; version: number }> {
  return db.$transaction(async (tx) => {
    // Lock the framework: two admins copying at once get one draft, not two.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Framework"
      WHERE id = ${frameworkId} AND "organizationId" = ${organizationId}
      FOR UPDATE`;
    if (locked.length !== 1) throw notFound("Framework version not found.");
    const existing = await tx.frameworkVersion.findFirst({
      where: { frameworkId, status: "DRAFT", framework: { organizationId } },
      select: { id: true, version: true },
    });
    if (existing) {
      throw new AppError(
        "CONFLICT",
        `This framework already has a draft (v${existing.version}). Publish or delete it before starting another.`,
        undefined,
        { draftId: existing.id, draftVersion: existing.version },
      );
    }
    const max = await tx.frameworkVersion.aggregate({
      where: { frameworkId, framework: { organizationId } },
      _max: { version: true },
    });
    const version = (max._max.version ?? 0) + 1;
    const id = await writeVersion(tx, frameworkId, version, content, "DRAFT", now);
    return { id, version };
  });
}

/** Sets a draft's verdict thresholds. */
export async function updateDraftThresholds(
  actor: Actor,
  versionId: unknown,
  input: unknown,
): Promise<{ versionId: string }> {
  assertCan(actor, "framework:manage");
  const id = asId(versionId, "Framework version");
  const data = parseInput(thresholdsSchema, input);
  return db.$transaction(async (tx) => {
    await lockDraft(tx, actor, id);
    await tx.frameworkVersion.update({
      where: { id },
      data: { readyThreshold: data.readyThreshold, conditionalThreshold: data.conditionalThreshold },
    });
    return { versionId: id };
  });
}

/** Edits a pillar's title and description. Its key stays: answers and reports refer to it. */
export async function updatePillar(actor: Actor, pillarId: unknown, input: unknown): Promise<{ versionId: string }> {
  assertCan(actor, "framework:manage");
  const data = parseInput(pillarSchema, input);
  return db.$transaction(async (tx) => {
    const pillar = await findPillar(tx, actor, pillarId);
    await lockDraft(tx, actor, pillar.versionId);
    await tx.frameworkPillar.update({ where: { id: pillar.id }, data });
    return { versionId: pillar.versionId };
  });
}

/** Edits a criterion's content, weight, gate and target. Its key stays. */
export async function updateCriterion(
  actor: Actor,
  criterionId: unknown,
  input: unknown,
): Promise<{ versionId: string }> {
  assertCan(actor, "framework:manage");
  const data = parseInput(criterionSchema, input);
  return db.$transaction(async (tx) => {
    const criterion = await findCriterion(tx, actor, criterionId);
    await lockDraft(tx, actor, criterion.versionId);
    await tx.frameworkCriterion.update({ where: { id: criterion.id }, data });
    return { versionId: criterion.versionId };
  });
}

/** Adds a criterion at the end of a pillar, keyed `<pillarKey>.<keySuffix>` (unique in the version). */
export async function addCriterion(
  actor: Actor,
  pillarId: unknown,
  input: unknown,
): Promise<{ id: string; key: string; versionId: string }> {
  assertCan(actor, "framework:manage");
  const { keySuffix, ...data } = parseInput(addCriterionSchema, input);
  return db.$transaction(async (tx) => {
    const pillar = await findPillar(tx, actor, pillarId);
    await lockDraft(tx, actor, pillar.versionId);
    const key = `${pillar.key}.${keySuffix}`;
    const taken = await tx.frameworkCriterion.findUnique({
      where: { versionId_key: { versionId: pillar.versionId, key } },
      select: { id: true },
    });
    if (taken) {
      const message = `The key “${key}” is already used in this version. Choose another.`;
      throw new AppError("BAD_REQUEST", message, { keySuffix: [message] });
    }
    const last = await tx.frameworkCriterion.aggregate({ where: { pillarId: pillar.id }, _max: { position: true } });
    const created = await tx.frameworkCriterion.create({
      data: {
        ...data,
        key,
        versionId: pillar.versionId,
        pillarId: pillar.id,
        position: (last._max.position ?? -1) + 1,
      },
      select: { id: true },
    });
    return { id: created.id, key, versionId: pillar.versionId };
  });
}

export async function removeCriterion(actor: Actor, criterionId: unknown): Promise<{ versionId: string }> {
  assertCan(actor, "framework:manage");
  return db.$transaction(async (tx) => {
    const criterion = await findCriterion(tx, actor, criterionId);
    await lockDraft(tx, actor, criterion.versionId);
    await tx.frameworkCriterion.delete({ where: { id: criterion.id } });
    return { versionId: criterion.versionId };
  });
}

/** Adds an empty pillar at the end; it needs at least one criterion before the draft can be published. */
export async function addPillar(
  actor: Actor,
  versionId: unknown,
  input: unknown,
): Promise<{ id: string; key: string; versionId: string }> {
  assertCan(actor, "framework:manage");
  const id = asId(versionId, "Framework version");
  const { key, ...data } = parseInput(addPillarSchema, input);
  return db.$transaction(async (tx) => {
    await lockDraft(tx, actor, id);
    const taken = await tx.frameworkPillar.findUnique({
      where: { versionId_key: { versionId: id, key } },
      select: { id: true },
    });
    if (taken) {
      const message = `The key “${key}” is already used by another pillar. Choose another.`;
      throw new AppError("BAD_REQUEST", message, { key: [message] });
    }
    const last = await tx.frameworkPillar.aggregate({ where: { versionId: id }, _max: { position: true } });
    const created = await tx.frameworkPillar.create({
      data: { ...data, key, versionId: id, position: (last._max.position ?? -1) + 1 },
      select: { id: true },
    });
    return { id: created.id, key, versionId: id };
  });
}

/** Removes a pillar and its criteria. A framework keeps at least one pillar. */
export async function removePillar(actor: Actor, pillarId: unknown): Promise<{ versionId: string }> {
  assertCan(actor, "framework:manage");
  return db.$transaction(async (tx) => {
    const pillar = await findPillar(tx, actor, pillarId);
    await lockDraft(tx, actor, pillar.versionId);
    const pillars = await tx.frameworkPillar.count({ where: { versionId: pillar.versionId } });
    if (pillars <= 1) throw conflict("A framework needs at least one pillar. Add another before removing this one.");
    await tx.frameworkPillar.delete({ where: { id: pillar.id } });
    return { versionId: pillar.versionId };
  });
}

/** What stands between a draft and publishing, in words an admin can act on; empty when none. */
export function publishProblems(content: VersionContent): string[] {
  const problems: string[] = [];
  const { ready, conditional } = content.thresholds;
  if (!(ready >= 1 && ready <= 100 && conditional >= 1 && conditional <= 100 && ready > conditional)) {
    problems.push("The ready threshold must be higher than the conditional threshold, both from 1 to 100.");
  }
  if (content.pillars.length === 0) problems.push("Add at least one pillar.");
  for (const pillar of content.pillars) {
    if (pillar.criteria.length === 0) {
      problems.push(`Pillar “${pillar.title}” has no criteria: add one or remove the pillar.`);
    }
    for (const c of pillar.criteria) {
      const missing = [0, 1, 2, 3].filter((i) => !c.levels[i]?.trim());
      if (missing.length > 0 || c.levels.length !== 4) {
        problems.push(`Criterion “${c.title}” needs a description of level ${missing.join(", ") || "0–3"}.`);
      }
      if (!Number.isInteger(c.weight) || c.weight < MIN_WEIGHT || c.weight > MAX_WEIGHT) {
        problems.push(`Criterion “${c.title}” needs a weight from ${MIN_WEIGHT} to ${MAX_WEIGHT}.`);
      }
      if (c.targetLevel < 1 || c.targetLevel > 3) problems.push(`Criterion “${c.title}” needs a target level of 1–3.`);
    }
  }
  for (const p of validateFrameworkSpec(toSpec(content))) problems.push(`The framework is inconsistent: ${p}.`);
  return problems;
}

/**
 * Publishes a draft after checking it. From then on it never changes, and new assessments pin it;
 * assessments already started keep the version they pinned.
 */
export async function publishDraft(
  actor: Actor,
  versionId: unknown,
  now = new Date(),
): Promise<{ versionId: string; version: number }> {
  assertCan(actor, "framework:manage");
  const id = asId(versionId, "Framework version");
  return db.$transaction(async (tx) => {
    const locked = await lockVersion(tx, actor, id);
    if (locked.status !== "DRAFT") throw conflict(`Version ${locked.version} is already published.`);
    const problems = publishProblems(await readVersionContent(tx, actor, id));
    if (problems.length > 0) {
      throw new AppError("BAD_REQUEST", `This draft cannot be published yet. ${problems.join(" ")}`, {
        _form: problems,
      });
    }
    await tx.frameworkVersion.update({ where: { id }, data: { status: "PUBLISHED", publishedAt: now } });
    return { versionId: id, version: locked.version };
  });
}

/** Deletes a draft nobody has assessed against. Published versions stay forever. */
export async function deleteDraft(actor: Actor, versionId: unknown): Promise<{ frameworkId: string }> {
  assertCan(actor, "framework:manage");
  const id = asId(versionId, "Framework version");
  return db.$transaction(async (tx) => {
    const locked = await lockVersion(tx, actor, id);
    if (locked.status !== "DRAFT") throw conflict("A published version cannot be deleted.");
    const pinned = await tx.assessment.count({
      where: { frameworkVersionId: id, organizationId: actor.organizationId },
    });
    if (pinned > 0) throw conflict("Assessments use this version, so it cannot be deleted.");
    await tx.frameworkVersion.delete({ where: { id } });
    return { frameworkId: locked.frameworkId };
  });
}
