import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readWorkshopGuest, WORKSHOP_COOKIE, type WorkshopGuest } from "@/modules/access";
import { getAssessment, listPilotAssessments, startAssessment } from "@/modules/assessments";
import { createAccount, createMember, createTestPilot, type TestAccount } from "@/modules/demo";
import { currentPublishedVersionId, DEFAULT_FRAMEWORK } from "@/modules/frameworks";
import { buildPilotReport, buildPortfolioReport } from "@/modules/reports";
import { withRequest } from "../../../tests/support/next-headers";
import {
  castVote,
  closeWorkshop,
  control,
  createWorkshop,
  getFacilitatorState,
  getParticipantState,
  getWorkshop,
  getWorkshopFollowUps,
  getWorkshopSummary,
  joinWorkshop,
  MAX_PARTICIPANTS,
  openWorkshop,
  waitForParticipantState,
  workshopSources,
  workshopVotesForAssessment,
} from "./index";

const [firstKey, secondKey] = DEFAULT_FRAMEWORK.pillars[0]!.criteria.map((c) => c.key) as [string, string];
const allKeys = DEFAULT_FRAMEWORK.pillars.flatMap((p) => p.criteria.map((c) => c.key));

async function setup(options: { criterionKeys?: string[]; pilots?: number } = {}) {
  const owner = await createAccount();
  const pilots = [];
  for (let i = 0; i < (options.pilots ?? 1); i++) pilots.push(await createTestPilot(owner));
  const { id } = await createWorkshop(owner, {
    title: "Discovery day",
    date: "2026-11-24",
    pilotIds: pilots.map((p) => p.id),
    frameworkVersionId: await currentPublishedVersionId(owner),
    criterionKeys: options.criterionKeys ?? [firstKey, secondKey],
    anonymous: true,
  });
  await openWorkshop(owner, id);
  const { code } = await getWorkshop(owner, id);
  return { owner, pilots, id, code };
}

/** Joins as a guest and returns the participant as the door sees them through the cookie. */
async function guest(code: string, name: string): Promise<WorkshopGuest & { cookie: string }> {
  const joined = await joinWorkshop(code, { displayName: name }, { address: null });
  const seen = await asGuest(code, joined.cookie!);
  expect(seen?.displayName).toBe(name);
  return { ...seen!, cookie: joined.cookie! };
}

const asGuest = (code: string, cookie: string) =>
  withRequest({ cookies: { [WORKSHOP_COOKIE]: cookie } }, () => readWorkshopGuest(code));

async function fresh(g: WorkshopGuest & { cookie: string }, code: string) {
  return (await asGuest(code, g.cookie))!;
}

async function reveal(owner: TestAccount, id: string) {
  const state = (await getFacilitatorState(owner, id))!;
  await control(owner, id, { op: "reveal", itemId: state.item!.id });
  return state.item!.id;
}

describe("workshops", () => {
  it("runs the loop: join, vote, change vote, reveal, agree, next, close → an assessment scored by the engine", async () => {
    const { owner, pilots, id, code } = await setup();
    const [ada, bo, cy] = [await guest(code, "Ada"), await guest(code, "Bo"), await guest(code, "Cy")];
    let state = (await getParticipantState(ada, null))!;
    expect(state.item?.criterion.key).toBe(firstKey);
    expect(state.item?.criterion.levels).toHaveLength(4);
    const itemId = state.item!.id;

    await castVote(ada, { itemId, level: 1 });
    await castVote(ada, { itemId, level: 3, comment: "We alert on it" });
    await castVote(bo, { itemId, level: 1 });
    await castVote(cy, { itemId, level: null });
    let facilitator = (await getFacilitatorState(owner, id))!;
    expect(facilitator.item?.votedCount).toBe(3);
    expect(facilitator.item?.distribution).toBeNull(); // private until revealed
    expect(facilitator.votes).toEqual([]);

    await control(owner, id, { op: "reveal", itemId });
    facilitator = (await getFacilitatorState(owner, id))!;
    expect(facilitator.item?.distribution).toMatchObject({ counts: [0, 1, 0, 1], unknown: 1, median: 2, spread: 2 });
    expect(facilitator.item?.distribution?.disagreement).toBe(true);
    expect(facilitator.votes.every((v) => v.name === null)).toBe(true); // anonymous to the room
    await expect(castVote(bo, { itemId, level: 2 })).rejects.toMatchObject({ code: "CONFLICT" });

    await control(owner, id, {
      op: "agree",
      itemId,
      level: 2,
      note: "Alerts exist, not documented",
      verifyWithEvidence: true,
    });
    await control(owner, id, { op: "goto", position: 1 });
    state = (await getParticipantState(await fresh(ada, code), state.version))!;
    expect(state.item?.criterion.key).toBe(secondKey);
    expect(state.me.vote).toBeNull();
    await expect(castVote(ada, { itemId, level: 1 })).rejects.toMatchObject({ code: "CONFLICT" }); // moved on
    const second = await reveal(owner, id);
    await control(owner, id, { op: "agree", itemId: second, notApplicable: true, naReason: "No personal data" });

    const closed = await closeWorkshop(owner, id);
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ pilotId: pilots[0]!.id, verdict: "INCOMPLETE", completed: false });
    const assessment = await getAssessment(owner, closed[0]!.assessmentId!);
    expect(assessment.status).toBe("IN_PROGRESS");
    expect(assessment.answers.map((a) => [a.criterionKey, a.level, a.notApplicable])).toEqual(
      expect.arrayContaining([
        [firstKey, 2, false],
        [secondKey, null, true],
      ]),
    );
    expect(assessment.answers).toHaveLength(2); // criteria not covered stay unanswered
    expect(assessment.score.verdict).toBe("INCOMPLETE");
    expect(assessment.answers.find((a) => a.criterionKey === firstKey)?.notes).toMatch(/Verify with evidence/);

    const sources = await workshopSources(owner, [assessment.id]);
    expect(sources.get(assessment.id)).toMatchObject({ title: "Discovery day", participants: 3 });
    const votes = await workshopVotesForAssessment(owner, assessment.id);
    expect(votes.get(firstKey)?.counts).toEqual([0, 1, 0, 1]);

    const summary = await getWorkshopSummary(owner, id);
    expect(summary.followUps.map((f) => [f.criterionKey, f.reasons])).toEqual([[firstKey, ["disagreement", "verify"]]]);
    expect(summary.pilots[0]!.items[0]!.comments).toEqual([{ name: null, text: "We alert on it" }]);
    expect((await getWorkshopFollowUps(owner, pilots[0]!.id)).map((f) => f.criterionKey)).toEqual([firstKey]);
    // …and the follow-up list travels with the pilot's report and the portfolio report.
    const reader = { ...owner, organizationName: "Org", currency: "USD" };
    const pilotReport = await buildPilotReport(reader, pilots[0]!.id);
    expect(pilotReport.followUps).toEqual([
      {
        title: summary.followUps[0]!.criterionTitle,
        pilotName: summary.followUps[0]!.pilotName,
        why: "The room disagreed (votes two levels or more apart); Verify with evidence",
        workshop: expect.stringMatching(/^Discovery day, /),
      },
    ]);
    expect((await buildPortfolioReport(reader, {})).followUps).toHaveLength(1);

    // Closed: the guest's cookie opens nothing, and no vote lands.
    expect(await asGuest(code, ada.cookie)).toBeNull();
    await expect(castVote(ada, { itemId: second, level: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(joinWorkshop(code, { displayName: "Late" }, { address: null })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/closed/),
    });
  });

  it("lists the follow-ups of every closed workshop, newest first, or one pilot's", async () => {
    const owner = await createAccount();
    const [older, newer] = [await createTestPilot(owner), await createTestPilot(owner)];
    const versionId = await currentPublishedVersionId(owner);
    for (const [pilot, date, title] of [
      [older, "2026-10-01", "October session"],
      [newer, "2026-11-20", "November session"],
    ] as const) {
      const { id } = await createWorkshop(owner, {
        title,
        date,
        pilotIds: [pilot.id],
        frameworkVersionId: versionId,
        criterionKeys: [firstKey],
        anonymous: true,
      });
      await openWorkshop(owner, id);
      const { code } = await getWorkshop(owner, id);
      const itemId = (await getFacilitatorState(owner, id))!.item!.id;
      // Two levels or more apart: the room disagreed, so the item is a follow-up.
      await castVote(await guest(code, "Ada"), { itemId, level: 0 });
      await castVote(await guest(code, "Bo"), { itemId, level: 3 });
      await control(owner, id, { op: "reveal", itemId });
      await control(owner, id, { op: "agree", itemId, level: 1 });
      await closeWorkshop(owner, id);
    }

    const all = await getWorkshopFollowUps(owner);
    expect(all.map((f) => [f.workshopTitle, f.pilotId, f.criterionKey, f.reasons])).toEqual([
      ["November session", newer.id, firstKey, ["disagreement"]],
      ["October session", older.id, firstKey, ["disagreement"]],
    ]);
    expect((await getWorkshopFollowUps(owner, older.id)).map((f) => f.workshopTitle)).toEqual(["October session"]);
  });

  it("completes the assessment when the room covered every criterion", async () => {
    const { owner, id, code } = await setup({ criterionKeys: [] });
    const ada = await guest(code, "Ada");
    for (let position = 0; position < allKeys.length; position++) {
      if (position > 0) await control(owner, id, { op: "goto", position });
      const state = (await getFacilitatorState(owner, id))!;
      await castVote(await fresh(ada, code), { itemId: state.item!.id, level: 3 });
      await control(owner, id, { op: "reveal", itemId: state.item!.id });
      await control(owner, id, { op: "agree", itemId: state.item!.id, level: 3 });
    }
    const [result] = await closeWorkshop(owner, id);
    expect(result).toMatchObject({ completed: true, verdict: "READY" });
    const history = await listPilotAssessments(owner, (await getWorkshop(owner, id)).pilots[0]!.id);
    expect(history[0]).toMatchObject({ status: "COMPLETED", verdict: "READY", readinessScore: 100 });
  });

  it("refuses to agree before the reveal, and N/A without a reason, changing nothing", async () => {
    const { owner, id } = await setup();
    const state = (await getFacilitatorState(owner, id))!;
    await expect(control(owner, id, { op: "agree", itemId: state.item!.id, level: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await control(owner, id, { op: "reveal", itemId: state.item!.id });
    await expect(
      control(owner, id, { op: "agree", itemId: state.item!.id, notApplicable: true }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", fieldErrors: { naReason: [expect.any(String)] } });
    await expect(control(owner, id, { op: "goto", position: 99 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await getFacilitatorState(owner, id))!.item?.agreement).toBeNull();
  });

  it("another organisation's workshop is not found, and a viewer cannot run one", async () => {
    const { owner, id } = await setup();
    const stranger = await createAccount();
    const viewer = await createMember(owner, "VIEWER");
    await expect(getWorkshop(stranger, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getFacilitatorState(stranger, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(control(stranger, id, { op: "goto", position: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(closeWorkshop(stranger, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getWorkshopSummary(stranger, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(control(viewer, id, { op: "goto", position: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const otherPilot = await createTestPilot(stranger);
    await expect(
      createWorkshop(owner, {
        title: "x",
        date: "2026-11-24",
        pilotIds: [otherPilot.id],
        frameworkVersionId: await currentPublishedVersionId(owner),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", fieldErrors: { pilotIds: [expect.any(String)] } });
  });

  it("a guest's cookie is good for its own workshop only, and a forged one for none", async () => {
    const a = await setup();
    const b = await setup();
    const ada = await guest(a.code, "Ada");
    expect(await asGuest(b.code, ada.cookie)).toBeNull();
    const [token] = ada.cookie.split(".");
    expect(await asGuest(a.code, `${token}.forged`)).toBeNull();
    expect(await withRequest({}, () => readWorkshopGuest(a.code))).toBeNull();
  });

  it("members join with their own account; unknown codes and full workshops get clear answers", async () => {
    const { owner, id, code } = await setup();
    const user = {
      id: owner.userId,
      name: "Owner",
      email: owner.email,
      sessionId: "s",
      emailVerified: true,
      memberships: [
        {
          organizationId: owner.organizationId,
          organizationSlug: owner.organizationSlug,
          organizationName: "",
          role: "OWNER" as const,
          currency: "USD",
        },
      ],
    };
    const first = await joinWorkshop(code, {}, { address: null, member: user });
    const again = await joinWorkshop(code, {}, { address: null, member: user });
    expect(first.cookie).toBeNull();
    expect(again.participantId).toBe(first.participantId);
    await expect(joinWorkshop("ZZZZZZ", { displayName: "x" }, { address: null })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(joinWorkshop(code, { displayName: "  " }, { address: null })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await db.workshopParticipant.createMany({
      data: Array.from({ length: MAX_PARTICIPANTS - 1 }, (_, i) => ({ workshopId: id, displayName: `P${i}` })),
    });
    await expect(joinWorkshop(code, { displayName: "One too many" }, { address: null })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/full/),
    });
  });

  it("a waiting phone is answered as soon as the facilitator moves, and with nothing when nothing happens", async () => {
    const { owner, id, code } = await setup();
    const ada = await guest(code, "Ada");
    expect(await waitForParticipantState(ada, ada.version, { waitMs: 300 })).toBeNull();
    const started = Date.now();
    const waiting = waitForParticipantState(ada, ada.version, { waitMs: 10_000 });
    setTimeout(() => void control(owner, id, { op: "goto", position: 1 }), 200);
    const state = await waiting;
    expect(state?.item?.criterion.key).toBe(secondKey);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("rate-limits joins from one address", async () => {
    const { code } = await setup();
    const attempts = [];
    for (let i = 0; i < 31; i++)
      attempts.push(await joinWorkshop(code, { displayName: `G${i}` }, { address: "203.0.113.9" }).catch((e) => e));
    expect(attempts.at(-1)).toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("will not take over an assessment already in progress: close refuses and writes nothing", async () => {
    const { owner, pilots, id } = await setup();
    const itemId = await reveal(owner, id);
    await control(owner, id, { op: "agree", itemId, level: 1 });
    await startAssessment(owner, pilots[0]!.id);
    await expect(closeWorkshop(owner, id)).rejects.toMatchObject({ code: "CONFLICT", message: /in progress/ });
    expect((await getWorkshop(owner, id)).status).toBe("OPEN");
  });
});
