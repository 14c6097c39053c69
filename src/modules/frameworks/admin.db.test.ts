import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getAssessment, saveAnswer, startAssessment } from "@/modules/assessments";
import { createAccount, createMember, createTestPilot } from "@/modules/demo";
import type { Actor } from "@/modules/access/shared";
import {
  addCriterion,
  addPillar,
  createDraftFromVersion,
  deleteDraft,
  getVersionDetail,
  listFrameworks,
  publishDraft,
  removeCriterion,
  removePillar,
  updateCriterion,
  updateDraftThresholds,
  updatePillar,
} from "./admin-service";
import { currentPublishedVersionId, loadVersionContent, type VersionContent } from "./service";

/** Content without ids, status or number: what a copy must reproduce exactly. */
function shape(content: VersionContent) {
  return {
    frameworkId: content.frameworkId,
    thresholds: content.thresholds,
    pillars: content.pillars.map(({ id: _id, criteria, ...p }) => ({
      ...p,
      criteria: criteria.map(({ id: _cid, ...c }) => c),
    })),
  };
}

async function v1Of(actor: Actor): Promise<string> {
  const [framework] = await listFrameworks(actor);
  return framework!.versions.find((v) => v.version === 1)!.id;
}

async function setup() {
  const owner = await createAccount();
  const v1 = await v1Of(owner);
  const draft = await createDraftFromVersion(owner, v1);
  const content = await loadVersionContent(owner, draft.id);
  return { owner, v1, draft, content };
}

/** A criterion's values in the editor's input shape, with overrides. */
interface CriterionValues {
  title: string;
  whyItMatters: string;
  guidance: string;
  levels: string[];
  weight: number;
  isGate: boolean;
  targetLevel: number;
  remediation: string;
}

function criterionInput(c: CriterionValues, overrides: Record<string, unknown> = {}) {
  return {
    title: c.title,
    whyItMatters: c.whyItMatters,
    guidance: c.guidance,
    levels: c.levels,
    weight: c.weight,
    isGate: c.isGate,
    targetLevel: c.targetLevel,
    remediation: c.remediation,
    ...overrides,
  };
}

const newCriterion = {
  keySuffix: "Model card",
  title: "Model card published",
  whyItMatters: "Reviewers and users need to know what the model is for and where it fails.",
  guidance: "Look for a model card that names intended use, known limits and evaluation results.",
  levels: [
    "No model card.",
    "Notes exist somewhere.",
    "A reviewed card, updated each release.",
    "Generated on every release from the evaluation run.",
  ],
  weight: 2,
  isGate: false,
  targetLevel: 2,
  remediation: "Write a one-page model card from the template and link it from the pilot's page.",
};

describe("framework versions (admin)", () => {
  it("lists the organisation's default framework with v1 published and pinned counts", async () => {
    const owner = await createAccount();
    const [framework, ...rest] = await listFrameworks(owner);
    expect(rest).toHaveLength(0);
    expect(framework!.name).toBe("Preflight Production Readiness");
    expect(framework!.draft).toBeNull();
    expect(framework!.versions).toHaveLength(1);
    expect(framework!.versions[0]).toMatchObject({
      version: 1,
      status: "PUBLISHED",
      assessmentCount: 0,
      isCurrent: true,
    });
    expect(framework!.versions[0]!.publishedAt).toBeInstanceOf(Date);

    const { id: pilotId } = await createTestPilot(owner);
    await startAssessment(owner, pilotId);
    const [after] = await listFrameworks(owner);
    expect(after!.versions[0]!.assessmentCount).toBe(1);
  });

  it("copies a version into draft v2 with identical content", async () => {
    const { owner, v1, draft, content } = await setup();
    expect(draft.version).toBe(2);
    const source = await loadVersionContent(owner, v1);
    expect(content.status).toBe("DRAFT");
    expect(content.version).toBe(2);
    expect(shape(content)).toEqual(shape(source));
    // New rows, not shared ones.
    expect(content.pillars[0]!.id).not.toBe(source.pillars[0]!.id);
    const [framework] = await listFrameworks(owner);
    expect(framework!.draft).toEqual({ id: draft.id, version: 2 });
    expect(framework!.versions.map((v) => [v.version, v.status, v.isCurrent])).toEqual([
      [2, "DRAFT", false],
      [1, "PUBLISHED", true],
    ]);
    const detail = await getVersionDetail(owner, draft.id);
    expect(detail).toMatchObject({ publishedAt: null, assessmentCount: 0, isCurrent: false, draft: { id: draft.id } });
  });

  it("edits weight, gate, target and level text, pillars and thresholds on the draft only", async () => {
    const { owner, v1, draft, content } = await setup();
    const c = content.pillars[0]!.criteria[0]!;
    await updateCriterion(
      owner,
      c.id,
      criterionInput(c, {
        weight: 5,
        isGate: !c.isGate,
        targetLevel: 3,
        levels: [c.levels[0], c.levels[1], "Written down and run monthly.", c.levels[3]],
      }),
    );
    await updatePillar(owner, content.pillars[0]!.id, { title: "Governed data feeds", description: "Updated." });
    await updateDraftThresholds(owner, draft.id, { readyThreshold: "80", conditionalThreshold: "60" });

    const edited = await loadVersionContent(owner, draft.id);
    expect(edited.thresholds).toEqual({ ready: 80, conditional: 60 });
    expect(edited.pillars[0]).toMatchObject({ title: "Governed data feeds", description: "Updated." });
    expect(edited.pillars[0]!.criteria[0]).toMatchObject({
      key: c.key,
      weight: 5,
      isGate: !c.isGate,
      targetLevel: 3,
      levels: [c.levels[0], c.levels[1], "Written down and run monthly.", c.levels[3]],
    });
    // The published source is untouched.
    const source = await loadVersionContent(owner, v1);
    expect(source.pillars[0]!.criteria[0]).toMatchObject({
      weight: c.weight,
      isGate: c.isGate,
      targetLevel: c.targetLevel,
    });
    expect(source.thresholds).toEqual({ ready: 75, conditional: 50 });
  });

  it("accepts form-shaped input: level0…level3 fields and the gate checkbox", async () => {
    const { owner, content } = await setup();
    const c = content.pillars[1]!.criteria[0]!;
    await updateCriterion(owner, c.id, {
      title: c.title,
      whyItMatters: c.whyItMatters,
      guidance: c.guidance,
      level0: "a",
      level1: "b",
      level2: "c",
      level3: "d",
      weight: "4",
      targetLevel: "2",
      remediation: c.remediation,
      // isGate absent: an unchecked checkbox
    });
    const after = await loadVersionContent(owner, content.id);
    expect(after.pillars[1]!.criteria[0]).toMatchObject({
      levels: ["a", "b", "c", "d"],
      weight: 4,
      isGate: false,
      targetLevel: 2,
    });
    await updateCriterion(owner, c.id, { ...criterionInput(c), isGate: "on" });
    expect((await loadVersionContent(owner, content.id)).pillars[1]!.criteria[0]!.isGate).toBe(true);
  });

  it("adds and removes criteria and pillars on a draft", async () => {
    const { owner, draft, content } = await setup();
    const pillar = content.pillars[2]!;
    const added = await addCriterion(owner, pillar.id, newCriterion);
    expect(added.key).toBe(`${pillar.key}.model-card`);
    await expect(addCriterion(owner, pillar.id, newCriterion)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { keySuffix: [expect.stringContaining("already used")] },
    });
    let now = await loadVersionContent(owner, draft.id);
    const criteria = now.pillars[2]!.criteria;
    expect(criteria.at(-1)).toMatchObject({ key: added.key, weight: 2, targetLevel: 2, levels: newCriterion.levels });
    expect(criteria).toHaveLength(pillar.criteria.length + 1);

    await removeCriterion(owner, pillar.criteria[0]!.id);
    const newPillar = await addPillar(owner, draft.id, {
      key: "Documentation",
      title: "Documentation",
      description: "What is written down.",
    });
    expect(newPillar.key).toBe("documentation");
    await expect(
      addPillar(owner, draft.id, { key: "data", title: "Data again", description: "x" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { key: [expect.stringContaining("already used")] },
    });
    now = await loadVersionContent(owner, draft.id);
    expect(now.pillars.map((p) => p.key)).toEqual([
      "data",
      "evaluation",
      "guardrails",
      "observability",
      "operations",
      "ownership",
      "documentation",
    ]);
    expect(now.pillars[2]!.criteria.map((c) => c.key)).not.toContain(pillar.criteria[0]!.key);

    // A pillar needs a criterion before the draft can be published.
    await expect(publishDraft(owner, draft.id)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Pillar “Documentation” has no criteria"),
    });
    expect((await loadVersionContent(owner, draft.id)).status).toBe("DRAFT");
    await addCriterion(owner, newPillar.id, newCriterion);
    await removePillar(owner, now.pillars[5]!.id);
    const published = await publishDraft(owner, draft.id);
    expect(published).toEqual({ versionId: draft.id, version: 2 });
    const final = await loadVersionContent(owner, draft.id);
    expect(final.pillars.map((p) => p.key)).toEqual([
      "data",
      "evaluation",
      "guardrails",
      "observability",
      "operations",
      "documentation",
    ]);
    expect(final.pillars.at(-1)!.criteria.map((c) => c.key)).toEqual(["documentation.model-card"]);
  });

  it("keeps at least one pillar", async () => {
    const { owner, content } = await setup();
    for (const p of content.pillars.slice(1)) await removePillar(owner, p.id);
    await expect(removePillar(owner, content.pillars[0]!.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.frameworkPillar.count({ where: { versionId: content.id } })).toBe(1);
  });

  it("refuses every edit of a published version and changes nothing", async () => {
    const { owner, v1 } = await setup();
    const before = await db.frameworkVersion.findUniqueOrThrow({
      where: { id: v1 },
      include: {
        pillars: { orderBy: { position: "asc" } },
        criteria: { orderBy: [{ pillarId: "asc" }, { position: "asc" }] },
      },
    });
    const pillar = before.pillars[0]!;
    const c = before.criteria.find((x) => x.pillarId === pillar.id)!;
    const message = "A published version cannot be edited. Create a new draft from it.";
    const attempts = [
      () => updateDraftThresholds(owner, v1, { readyThreshold: 90, conditionalThreshold: 10 }),
      () => updatePillar(owner, pillar.id, { title: "Changed", description: "Changed" }),
      () => updateCriterion(owner, c.id, { ...criterionInput(c), weight: 5 }),
      () => addCriterion(owner, pillar.id, newCriterion),
      () => removeCriterion(owner, c.id),
      () => addPillar(owner, v1, { key: "extra", title: "Extra", description: "Extra" }),
      () => removePillar(owner, pillar.id),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "CONFLICT", message });
    await expect(publishDraft(owner, v1)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(deleteDraft(owner, v1)).rejects.toMatchObject({ code: "CONFLICT" });
    const after = await db.frameworkVersion.findUniqueOrThrow({
      where: { id: v1 },
      include: {
        pillars: { orderBy: { position: "asc" } },
        criteria: { orderBy: [{ pillarId: "asc" }, { position: "asc" }] },
      },
    });
    expect(after).toEqual(before);
  });

  it("allows one draft at a time and names the existing one", async () => {
    const { owner, v1, draft } = await setup();
    const second = createDraftFromVersion(owner, v1);
    await expect(second).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already has a draft (v2)"),
      details: { draftId: draft.id, draftVersion: 2 },
    });
    await expect(createDraftFromVersion(owner, draft.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(
      await db.frameworkVersion.count({ where: { frameworkId: (await loadVersionContent(owner, v1)).frameworkId } }),
    ).toBe(2);
  });

  it("gives two admins copying at once one draft", async () => {
    const owner = await createAccount();
    const admin = await createMember(owner, "ADMIN");
    const v1 = await v1Of(owner);
    const results = await Promise.allSettled([createDraftFromVersion(owner, v1), createDraftFromVersion(admin, v1)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT" });
    const [framework] = await listFrameworks(owner);
    expect(framework!.versions.map((v) => v.status)).toEqual(["DRAFT", "PUBLISHED"]);
  });

  it("publishing: new assessments pin v2, an assessment started before keeps v1", async () => {
    const { owner, v1, draft, content } = await setup();
    const { id: oldPilot } = await createTestPilot(owner);
    const { id: before } = await startAssessment(owner, oldPilot);

    const added = await addCriterion(owner, content.pillars[0]!.id, newCriterion);
    const gate = content.pillars[1]!.criteria[0]!;
    await updateCriterion(owner, gate.id, criterionInput(gate, { weight: 4 }));
    // A draft is never pinned: new assessments still get v1 until it is published.
    expect(await currentPublishedVersionId(owner)).toBe(v1);

    const publishedAt = new Date("2026-06-01T09:00:00.000Z");
    await publishDraft(owner, draft.id, publishedAt);
    expect(await currentPublishedVersionId(owner)).toBe(draft.id);
    const detail = await getVersionDetail(owner, draft.id);
    expect(detail).toMatchObject({ publishedAt, isCurrent: true, draft: null });
    expect(detail.content.status).toBe("PUBLISHED");

    const { id: newPilot } = await createTestPilot(owner);
    const { id: after } = await startAssessment(owner, newPilot);
    const newer = await getAssessment(owner, after);
    expect(newer.framework).toMatchObject({ id: draft.id, version: 2 });
    expect(newer.framework.pillars[1]!.criteria[0]!.weight).toBe(4);
    const older = await getAssessment(owner, before);
    expect(older.framework).toMatchObject({ id: v1, version: 1 });
    expect(older.framework.pillars[1]!.criteria[0]!.weight).toBe(gate.weight);

    // The criterion that exists only in v2 is unknown to the v1 assessment.
    await expect(
      saveAnswer(owner, before, { criterionKey: added.key, expectedVersion: 0, level: 2 }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { criterionKey: [expect.stringContaining(added.key)] },
    });
    expect(await db.assessmentAnswer.count({ where: { assessmentId: before } })).toBe(0);
    const saved = await saveAnswer(owner, after, { criterionKey: added.key, expectedVersion: 0, level: 2 });
    expect(saved.level).toBe(2);

    // The published draft is now read-only; the next draft is v3.
    await expect(updateCriterion(owner, gate.id, criterionInput(gate))).rejects.toMatchObject({ code: "CONFLICT" });
    const v3 = await createDraftFromVersion(owner, draft.id);
    expect(v3.version).toBe(3);
    const [framework] = await listFrameworks(owner);
    expect(framework!.versions.map((v) => [v.version, v.status, v.isCurrent, v.assessmentCount])).toEqual([
      [3, "DRAFT", false, 0],
      [2, "PUBLISHED", true, 1],
      [1, "PUBLISHED", false, 1],
    ]);
  });

  it("refuses to publish a draft with an empty level description, and leaves it a draft", async () => {
    const { owner, draft, content } = await setup();
    const c = content.pillars[3]!.criteria[1]!;
    // Only possible by writing around the editor, whose schema requires every level text.
    await db.frameworkCriterion.update({
      where: { id: c.id },
      data: { levels: [c.levels[0]!, "  ", c.levels[2]!, c.levels[3]!] },
    });
    await expect(publishDraft(owner, draft.id)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { _form: [`Criterion “${c.title}” needs a description of level 1.`] },
    });
    expect((await loadVersionContent(owner, draft.id)).status).toBe("DRAFT");
    expect(await currentPublishedVersionId(owner)).not.toBe(draft.id);
  });

  it("serialises edits with publishing: an edit either lands before it or is refused", async () => {
    const { owner, draft, content } = await setup();
    const criteria = content.pillars.flatMap((p) => p.criteria).slice(0, 6);
    const edits = criteria.map((c) =>
      updateCriterion(owner, c.id, criterionInput(c, { title: `${c.title} (edited)` })),
    );
    const [published, ...results] = await Promise.allSettled([publishDraft(owner, draft.id), ...edits]);
    expect(published.status).toBe("fulfilled");
    const final = (await loadVersionContent(owner, draft.id)).pillars.flatMap((p) => p.criteria);
    results.forEach((r, i) => {
      const title = final.find((c) => c.id === criteria[i]!.id)!.title;
      if (r.status === "fulfilled") expect(title).toBe(`${criteria[i]!.title} (edited)`);
      else {
        expect(r.reason).toMatchObject({ code: "CONFLICT" });
        expect(title).toBe(criteria[i]!.title);
      }
    });
  });

  it("refuses invalid input with field errors and changes nothing", async () => {
    const { owner, draft, content } = await setup();
    const c = content.pillars[0]!.criteria[0]!;
    await expect(
      updateDraftThresholds(owner, draft.id, { readyThreshold: 50, conditionalThreshold: 60 }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { readyThreshold: ["The ready threshold must be higher than the conditional threshold."] },
    });
    await expect(
      updateDraftThresholds(owner, draft.id, { readyThreshold: "101", conditionalThreshold: "" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: {
        readyThreshold: ["The ready threshold must be a whole number from 1 to 100."],
        conditionalThreshold: ["The conditional threshold must be a whole number from 1 to 100."],
      },
    });
    await expect(
      updateCriterion(
        owner,
        c.id,
        criterionInput(c, {
          weight: 9,
          targetLevel: 0,
          title: " ",
          levels: [c.levels[0], c.levels[1], "", c.levels[3]],
        }),
      ),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: {
        weight: ["The weight must be a whole number from 1 to 5."],
        targetLevel: ["The target level must be 1, 2 or 3."],
        title: ["Enter a title."],
        level2: ["Enter a description of level 2."],
      },
    });
    await expect(updatePillar(owner, content.pillars[0]!.id, { title: "", description: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { title: ["Enter a title for the pillar."] },
    });
    await expect(
      addCriterion(owner, content.pillars[0]!.id, { ...newCriterion, keySuffix: "!!!" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { keySuffix: [expect.stringContaining("Enter a key")] },
    });
    expect(shape(await loadVersionContent(owner, draft.id))).toEqual(shape(content));
  });

  it("deletes a draft, after which a new one can be made", async () => {
    const { owner, v1, draft } = await setup();
    await deleteDraft(owner, draft.id);
    expect(await db.frameworkVersion.count({ where: { id: draft.id } })).toBe(0);
    expect(await db.frameworkCriterion.count({ where: { versionId: draft.id } })).toBe(0);
    await expect(loadVersionContent(owner, draft.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const again = await createDraftFromVersion(owner, v1);
    expect(again.version).toBe(2);
  });

  it("answers another organisation's ids as not found, for every function, and changes nothing", async () => {
    const { draft, content, v1 } = await setup();
    const stranger = await createAccount();
    const pillar = content.pillars[0]!;
    const c = pillar.criteria[0]!;
    const attempts = [
      () => getVersionDetail(stranger, draft.id),
      () => getVersionDetail(stranger, v1),
      () => createDraftFromVersion(stranger, v1),
      () => updateDraftThresholds(stranger, draft.id, { readyThreshold: 90, conditionalThreshold: 10 }),
      () => updatePillar(stranger, pillar.id, { title: "Mine", description: "Mine" }),
      () => updateCriterion(stranger, c.id, criterionInput(c, { weight: 5 })),
      () => addCriterion(stranger, pillar.id, newCriterion),
      () => removeCriterion(stranger, c.id),
      () => addPillar(stranger, draft.id, { key: "extra", title: "Extra", description: "Extra" }),
      () => removePillar(stranger, pillar.id),
      () => publishDraft(stranger, draft.id),
      () => deleteDraft(stranger, draft.id),
      // Not even a plausible id.
      () => updateCriterion(stranger, 42 as unknown as string, criterionInput(c)),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    const now = await db.frameworkVersion.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true } });
    expect(now.status).toBe("DRAFT");
    const [theirs] = await listFrameworks(stranger);
    expect(theirs!.versions.map((v) => v.id)).not.toContain(draft.id);
    expect(theirs!.versions).toHaveLength(1);
    expect(await db.frameworkPillar.count({ where: { versionId: draft.id } })).toBe(content.pillars.length);
    expect(await db.frameworkCriterion.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ weight: c.weight });
  });

  it("lets editors and viewers read but not change frameworks", async () => {
    const { owner, v1, draft, content } = await setup();
    for (const role of ["EDITOR", "VIEWER"] as const) {
      const member = await createMember(owner, role);
      expect((await listFrameworks(member))[0]!.versions).toHaveLength(2);
      expect((await getVersionDetail(member, draft.id)).content.id).toBe(draft.id);
      const pillar = content.pillars[0]!;
      const c = pillar.criteria[0]!;
      const attempts = [
        () => createDraftFromVersion(member, v1),
        () => updateDraftThresholds(member, draft.id, { readyThreshold: 90, conditionalThreshold: 10 }),
        () => updatePillar(member, pillar.id, { title: "Mine", description: "Mine" }),
        () => updateCriterion(member, c.id, criterionInput(c, { weight: 5 })),
        () => addCriterion(member, pillar.id, newCriterion),
        () => removeCriterion(member, c.id),
        () => addPillar(member, draft.id, { key: "extra", title: "Extra", description: "Extra" }),
        () => removePillar(member, pillar.id),
        () => publishDraft(member, draft.id),
        () => deleteDraft(member, draft.id),
      ];
      for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(shape(await loadVersionContent(owner, draft.id))).toEqual(shape(content));
    expect((await loadVersionContent(owner, draft.id)).status).toBe("DRAFT");
    const admin = await createMember(owner, "ADMIN");
    await publishDraft(admin, draft.id);
    expect(await currentPublishedVersionId(owner)).toBe(draft.id);
  });
});
