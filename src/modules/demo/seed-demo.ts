import "server-only";
import { db } from "@/lib/db";
import { setPasswordWithToken, signUp } from "@/modules/auth";
import { addMember } from "@/modules/orgs";
import type { Actor } from "@/modules/access/shared";
import { createPilot, updatePilot } from "@/modules/pilots";
import { answerInputSchema, completeAssessment, saveAnswer, startAssessment } from "@/modules/assessments";
import { DEFAULT_FRAMEWORK, ensureDefaultFramework } from "@/modules/frameworks";
import { parseInput } from "@/lib/validation";
import { DEMO_ASSESSMENTS, demoAnswers, type DemoAssessment } from "./demo-assessments";
import { DEMO_LOGIN, DEMO_ORGANIZATION, DEMO_PILOTS, DEMO_VIEWER } from "./demo-data";

const DAY = 86_400_000;

/**
 * One assessment of a demo pilot. Starting and completing go through the service, which pins the
 * framework version, scores on the server and stores the snapshot. The answers of the open
 * assessment go through `saveAnswer`, like the wizard's. A completed one's answers were given
 * in the past, which `saveAnswer` (always "now") cannot express, and ~600 single saves would
 * make the first `npm start` slow on the embedded database; they are validated with the same
 * schema and written in one statement per assessment, dated between its start and completion.
 */
async function seedAssessment(owner: Actor, pilotId: string, plan: DemoAssessment, now: Date): Promise<void> {
  const startedAt = new Date(now.getTime() - plan.startedDaysAgo * DAY);
  const { id } = await startAssessment(owner, pilotId, { now: startedAt });
  const answers = demoAnswers(plan, DEFAULT_FRAMEWORK.pillars).map((a) => parseInput(answerInputSchema, a));
  if (plan.completedDaysAgo === null) {
    await Promise.all(answers.map((answer) => saveAnswer(owner, id, answer)));
    return;
  }
  const completedAt = new Date(now.getTime() - plan.completedDaysAgo * DAY);
  const { frameworkVersionId } = await db.assessment.findUniqueOrThrow({
    where: { id, organizationId: owner.organizationId },
    select: { frameworkVersionId: true },
  });
  const criteria = await db.frameworkCriterion.findMany({
    where: { versionId: frameworkVersionId },
    select: { id: true, key: true },
  });
  const criterionIds = new Map(criteria.map((c) => [c.key, c.id]));
  const step = (completedAt.getTime() - startedAt.getTime()) / (answers.length + 1);
  await db.assessmentAnswer.createMany({
    data: answers.map((a, i) => {
      const criterionId = criterionIds.get(a.criterionKey);
      if (!criterionId) throw new Error(`Demo answer for unknown criterion ${a.criterionKey}`);
      return {
        assessmentId: id,
        criterionId,
        level: a.notApplicable ? null : a.level,
        notApplicable: a.notApplicable,
        naReason: a.notApplicable ? (a.naReason ?? null) : null,
        notes: a.notes,
        evidence: a.evidence,
        updatedById: owner.userId,
        updatedAt: new Date(startedAt.getTime() + step * (i + 1)),
      };
    }),
  });
  await completeAssessment(owner, id, { now: completedAt });
}

/** True when the database has no organisations yet: the first run. */
export async function isEmptyDatabase(): Promise<boolean> {
  return (await db.organization.count()) === 0;
}

/**
 * The demo organisation: its owner (the printed demo login), an executive viewer, a dozen
 * pilots whose stage histories reach back up to two years, and their assessment histories over
 * the last year (demo-assessments.ts). Everything goes through the services.
 */
export async function seedDemo(now = new Date()): Promise<{ organizationId: string }> {
  const { userId, organizationId } = await signUp({ ...DEMO_LOGIN, organizationName: DEMO_ORGANIZATION });
  const owner: Actor = { userId, organizationId, role: "OWNER" };

  const viewer = await addMember(owner, { email: DEMO_VIEWER.email, name: DEMO_VIEWER.name, role: "VIEWER" });
  const token = viewer.setPasswordPath?.split("/").pop();
  if (token)
    await setPasswordWithToken({ token, password: DEMO_VIEWER.password, confirmPassword: DEMO_VIEWER.password });

  const pilotIds = new Map<string, string>();
  for (const pilot of DEMO_PILOTS) {
    const [[firstStage, firstDaysAgo], ...later] = pilot.history as [
      [typeof pilot.values.stage, number],
      ...[typeof pilot.values.stage, number][],
    ];
    const { id } = await createPilot(
      owner,
      { ...pilot.values, stage: firstStage },
      { now: new Date(now.getTime() - firstDaysAgo * DAY) },
    );
    pilotIds.set(pilot.values.name, id);
    let version = 1;
    for (const [stage, daysAgo] of later) {
      ({ version } = await updatePilot(
        owner,
        id,
        { ...pilot.values, stage, expectedVersion: version },
        { now: new Date(now.getTime() - daysAgo * DAY) },
      ));
    }
  }

  // The framework version was published before the oldest assessment that pins it.
  await ensureDefaultFramework(organizationId, new Date(now.getTime() - 400 * DAY));
  // Pilots are independent: their histories are seeded concurrently, each in order.
  await Promise.all(
    Object.entries(DEMO_ASSESSMENTS).map(async ([pilotName, history]) => {
      const pilotId = pilotIds.get(pilotName);
      if (!pilotId) throw new Error(`Demo assessments name an unknown pilot: ${pilotName}`);
      for (const plan of history) await seedAssessment(owner, pilotId, plan, now);
    }),
  );
  return { organizationId };
}
