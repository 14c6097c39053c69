import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor, SessionUser } from "@/modules/access";
import { completeAssessment, saveAnswer, startAssessment } from "@/modules/assessments";
import { createAccount, createTestPilot } from "@/modules/demo";
import {
  copyVersionIntoOrganization,
  createDraftFromVersion,
  DEFAULT_FRAMEWORK,
  listFrameworks,
  loadVersionContent,
  publishDraft,
  updateCriterion,
} from "@/modules/frameworks";
import { createOrganization } from "@/modules/orgs";
import { getPortfolioCached } from "@/modules/portfolio";
import { listCopyableVersions, listOrganizationOverviews } from "./service";

const allKeys = DEFAULT_FRAMEWORK.pillars.flatMap((p) => p.criteria.map((c) => c.key));

/** The signed-in person as the doors see them: every membership, from the database. */
async function sessionUser(userId: string): Promise<SessionUser> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { role: true, organization: { select: { id: true, slug: true, name: true, currency: true } } },
      },
    },
  });
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    sessionId: "test",
    emailVerified: true,
    memberships: user.memberships.map((m) => ({
      organizationId: m.organization.id,
      organizationSlug: m.organization.slug,
      organizationName: m.organization.name,
      currency: m.organization.currency,
      role: m.role,
    })),
  };
}

/** A consultant who owns a first client organisation and creates a second one. */
async function consultant() {
  const first = await createAccount({ organizationName: "Client One" });
  const second = await createOrganization(first.userId, { name: "Client Two" });
  const secondActor: Actor = { userId: first.userId, organizationId: second.id, role: "OWNER" };
  return { first, second: { ...secondActor, slug: second.slug } };
}

async function assessAll(actor: Actor, level: 0 | 1 | 2 | 3) {
  const { id: pilotId } = await createTestPilot(actor);
  const { id } = await startAssessment(actor, pilotId);
  for (const criterionKey of allKeys) await saveAnswer(actor, id, { criterionKey, expectedVersion: 0, level });
  await completeAssessment(actor, id);
  return id;
}

describe("every client at once", () => {
  it("lists each of the person's organisations with the dashboard's own figures and the last assessment", async () => {
    const { first, second } = await consultant();
    await assessAll(first, 3);
    const weak = await assessAll(first, 1);
    await createTestPilot(first); // registered, never assessed
    // Someone else's organisation, with pilots of its own, must not appear.
    const stranger = await createAccount({ organizationName: "Not yours" });
    await assessAll(stranger, 2);

    const overviews = await listOrganizationOverviews(await sessionUser(first.userId));
    expect(overviews.map((o) => o.name).sort()).toEqual(["Client One", "Client Two"]);

    const one = overviews.find((o) => o.name === "Client One")!;
    const headline = (await getPortfolioCached(first)).headline;
    expect(one).toMatchObject({
      pilots: headline.total,
      assessed: headline.assessed,
      ready: headline.ready,
      readyShare: headline.readyShare,
      medianReadiness: headline.medianReadiness,
      stalled: headline.stalled,
      role: "OWNER",
    });
    expect(one.pilots).toBe(3);
    expect(one.assessed).toBe(2);
    const latest = await db.assessment.findUniqueOrThrow({ where: { id: weak }, select: { completedAt: true } });
    expect(one.lastAssessedAt?.toISOString()).toBe(latest.completedAt!.toISOString());

    const two = overviews.find((o) => o.name === "Client Two")!;
    expect(two).toMatchObject({
      slug: second.slug,
      pilots: 0,
      assessed: 0,
      readyShare: null,
      lastAssessedAt: null,
      lastWorkshopOn: null,
      followUps: 0,
    });
  });

  it("offers the published versions of the person's own organisations only", async () => {
    const { first } = await consultant();
    await createAccount({ organizationName: "Not yours" });
    const versions = await listCopyableVersions(await sessionUser(first.userId));
    expect(versions.map((v) => v.organizationName).sort()).toEqual(["Client One", "Client Two"]);
    expect(versions.every((v) => v.label.includes("v1"))).toBe(true);
  });
});

describe("reusing a checklist in another organisation", () => {
  async function tailoredVersion(actor: Actor) {
    const [framework] = await listFrameworks(actor);
    const draft = await createDraftFromVersion(actor, framework!.versions[0]!.id);
    const content = await loadVersionContent(actor, draft.id);
    const criterion = content.pillars[0]!.criteria[0]!;
    await updateCriterion(actor, criterion.id, {
      title: "Client-specific: data owner signed off",
      whyItMatters: criterion.whyItMatters,
      guidance: criterion.guidance,
      levels: criterion.levels,
      weight: criterion.weight,
      isGate: criterion.isGate,
      targetLevel: criterion.targetLevel,
      remediation: criterion.remediation,
    });
    await publishDraft(actor, draft.id);
    return draft.id;
  }

  it("copies a tailored version into the other organisation as a draft, leaving both published versions as they were", async () => {
    const { first, second } = await consultant();
    const tailored = await tailoredVersion(first);
    const before = await listFrameworks(second);

    const copy = await copyVersionIntoOrganization(second, first, tailored);
    expect(copy.version).toBe(2);
    const copied = await loadVersionContent(second, copy.id);
    expect(copied.status).toBe("DRAFT");
    expect(copied.pillars[0]!.criteria[0]!.title).toBe("Client-specific: data owner signed off");
    const source = await loadVersionContent(first, tailored);
    const shape = (c: typeof source) =>
      c.pillars.map((p) => [p.key, p.criteria.map((x) => [x.key, x.title, x.weight])]);
    expect(shape(copied)).toEqual(shape(source));
    expect(copied.thresholds).toEqual(source.thresholds);

    // The other organisation's current version is unchanged until someone publishes the draft.
    const after = await listFrameworks(second);
    expect(after[0]!.versions.find((v) => v.isCurrent)!.id).toBe(before[0]!.versions.find((v) => v.isCurrent)!.id);
    // A second copy while the draft is open is refused, naming it.
    await expect(copyVersionIntoOrganization(second, first, tailored)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a version of an organisation the person is not in (404), and a target where they are not an admin (403)", async () => {
    const { first, second } = await consultant();
    const stranger = await createAccount();
    const [foreign] = await listFrameworks(stranger);
    const foreignVersion = foreign!.versions[0]!.id;
    // Through their own membership of `first`, the stranger's version does not exist.
    await expect(copyVersionIntoOrganization(second, first, foreignVersion)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const [own] = await listFrameworks(first);
    await expect(
      copyVersionIntoOrganization({ ...second, role: "EDITOR" }, first, own!.versions[0]!.id),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Memberships of two different people do not make a copy.
    await expect(copyVersionIntoOrganization(second, stranger, foreignVersion)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const drafts = await db.frameworkVersion.count({
      where: { status: "DRAFT", framework: { organizationId: second.organizationId } },
    });
    expect(drafts).toBe(0);
  });
});
