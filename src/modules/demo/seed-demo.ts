import "server-only";
import { db } from "@/lib/db";
import { randomBytes } from "node:crypto";
import { signUp, signUpWithInvitation } from "@/modules/auth";
import { hashToken } from "@/modules/orgs";
import type { Actor } from "@/modules/access/shared";
import { createPilot, updatePilot } from "@/modules/pilots";
import { answerInputSchema, completeAssessment, saveAnswer, startAssessment } from "@/modules/assessments";
import { DEFAULT_FRAMEWORK, ensureDefaultFramework } from "@/modules/frameworks";
import { parseInput } from "@/lib/validation";
import { DEMO_ASSESSMENTS, demoAnswers, type DemoAssessment } from "./demo-assessments";
import { DEMO_LOGIN, DEMO_ORGANIZATION, DEMO_PILOTS, DEMO_VIEWER, type DemoPilot, type DemoStage } from "./demo-data";

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
  // A re-assessment starts from the previous answers (carried over): the plan's answers confirm
  // or change them, keeping their notes unless the plan has its own.
  const carried = new Map(
    (
      await db.assessmentAnswer.findMany({
        where: { assessmentId: id },
        select: { version: true, notes: true, carriedOverFromId: true, criterion: { select: { key: true } } },
      })
    ).map((a) => [a.criterion.key, a]),
  );
  const answers = demoAnswers(plan, DEFAULT_FRAMEWORK.pillars).map((a) => {
    const was = carried.get(a.criterionKey);
    return parseInput(answerInputSchema, { ...a, expectedVersion: was?.version ?? 0, notes: a.notes ?? was?.notes });
  });
  if (plan.completedDaysAgo === null) {
    // Still in progress: what the plan leaves unanswered stays carried over, to confirm.
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
  // The plan's answers replace the carried-over ones, each confirmed when it was given.
  await db.assessmentAnswer.deleteMany({ where: { assessmentId: id } });
  await db.assessmentAnswer.createMany({
    data: answers.map((a, i) => {
      const criterionId = criterionIds.get(a.criterionKey);
      if (!criterionId) throw new Error(`Demo answer for unknown criterion ${a.criterionKey}`);
      const answeredAt = new Date(startedAt.getTime() + step * (i + 1));
      return {
        assessmentId: id,
        criterionId,
        level: a.notApplicable ? null : a.level,
        notApplicable: a.notApplicable,
        naReason: a.notApplicable ? (a.naReason ?? null) : null,
        notes: a.notes,
        evidence: a.evidence,
        updatedById: owner.userId,
        updatedAt: answeredAt,
        carriedOverFromId: carried.get(a.criterionKey)?.carriedOverFromId ?? null,
        confirmedAt: answeredAt,
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
 * One demo pilot's history, replayed in date order: its stage moves and its assessments
 * interleaved, so each assessment starts from the one before it and the stage gate judges each
 * move towards production by the verdict of its day (the history gives the reasons it asks for).
 */
async function seedPilot(owner: Actor, pilot: DemoPilot, assessments: DemoAssessment[], now: Date): Promise<void> {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const [[firstStage, firstDaysAgo], ...later] = pilot.history as [DemoStage, ...DemoStage[]];
  const { id } = await createPilot(owner, { ...pilot.values, stage: firstStage }, { now: at(firstDaysAgo) });
  type Event = { daysAgo: number; run: () => Promise<void> };
  let version = 1;
  const events: Event[] = [
    ...later.map(([stage, daysAgo, stageReason]) => ({
      daysAgo,
      run: async () => {
        ({ version } = await updatePilot(
          owner,
          id,
          { ...pilot.values, stage, expectedVersion: version, stageReason },
          { now: at(daysAgo) },
        ));
      },
    })),
    // An assessment counts from its completion (the open one from its start).
    ...assessments.map((plan) => ({
      daysAgo: plan.completedDaysAgo ?? plan.startedDaysAgo,
      run: () => seedAssessment(owner, id, plan, now),
    })),
  ];
  events.sort((a, b) => b.daysAgo - a.daysAgo);
  for (const event of events) await event.run();
}

/**
 * The demo organisation: its owner (the printed demo login), an executive viewer, a dozen
 * pilots whose stage histories reach back up to two years, and their assessment histories over
 * the last year (demo-assessments.ts). Everything goes through the services.
 */
export async function seedDemo(now = new Date()): Promise<{ organizationId: string }> {
  const { userId, organizationId } = await signUp({ ...DEMO_LOGIN, organizationName: DEMO_ORGANIZATION });
  // The demo login's address is not a real mailbox: it counts as confirmed.
  await db.user.update({ where: { id: userId }, data: { emailVerifiedAt: now } });
  const owner: Actor = { userId, organizationId, role: "OWNER" };

  // The executive joins the way everyone does, through an invitation (made here without a mail).
  const token = randomBytes(32).toString("base64url");
  await db.invitation.create({
    data: {
      organizationId,
      email: DEMO_VIEWER.email,
      role: "VIEWER",
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + 60 * 60_000),
      invitedById: userId,
    },
  });
  await signUpWithInvitation({ token, name: DEMO_VIEWER.name, password: DEMO_VIEWER.password });
  // Like the demo login, the executive's address is not a real mailbox: it counts as confirmed.
  await db.user.update({ where: { email: DEMO_VIEWER.email }, data: { emailVerifiedAt: now } });

  for (const pilotName of Object.keys(DEMO_ASSESSMENTS)) {
    if (!DEMO_PILOTS.some((p) => p.values.name === pilotName)) {
      throw new Error(`Demo assessments name an unknown pilot: ${pilotName}`);
    }
  }
  // The framework version was published before the oldest assessment that pins it.
  await ensureDefaultFramework(organizationId, new Date(now.getTime() - 400 * DAY));
  // Pilots are independent: their histories are seeded concurrently, each in order.
  await Promise.all(
    DEMO_PILOTS.map((pilot) => seedPilot(owner, pilot, DEMO_ASSESSMENTS[pilot.values.name] ?? [], now)),
  );
  return { organizationId };
}
