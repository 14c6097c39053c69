/**
 * Concurrent writers. PGlite runs one statement at a time and would hide lost updates, so the
 * proof is the run on PostgreSQL (CI runs this suite again with TEST_DATABASE_URL); on PGlite
 * the same assertions hold trivially.
 */
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { createAccount, createMember, createTestPilot } from "@/modules/demo";
import { completeAssessment, getAssessment, saveAnswer, startAssessment } from "./service";

const WRITERS = 12;

describe("concurrent writers on one assessment", () => {
  it("lets exactly one of many writers on the same version win; the rest get a conflict with the winner's value", async () => {
    const owner = await createAccount();
    const writers = await Promise.all(Array.from({ length: WRITERS }, () => createMember(owner, "EDITOR")));
    const { id: pilotId } = await createTestPilot(owner);
    const { id } = await startAssessment(owner, pilotId);
    await saveAnswer(owner, id, { criterionKey: "ownership.on-call", expectedVersion: 0, level: 0, notes: "start" });

    const results = await Promise.allSettled(
      writers.map((w, i) =>
        saveAnswer(w, id, {
          criterionKey: "ownership.on-call",
          expectedVersion: 1,
          level: (i % 3) + 1,
          notes: `writer ${i}`,
        }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(WRITERS - 1);
    for (const r of lost) expect(isAppError(r.reason) && r.reason.code).toBe("CONFLICT");

    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof saveAnswer>>>).value;
    const stored = (await getAssessment(owner, id)).answers.find((a) => a.criterionKey === "ownership.on-call")!;
    expect(stored).toMatchObject({ version: 2, notes: winner.notes, level: winner.level });
    // Every loser was told the value that won, so it can offer both.
    for (const r of lost) expect(r.reason.details.current).toMatchObject({ version: 2, notes: winner.notes });
  });

  it("never loses an answer to a race between first answers on different criteria", async () => {
    const owner = await createAccount();
    const { id: pilotId } = await createTestPilot(owner);
    const { id } = await startAssessment(owner, pilotId);
    const keys = (await getAssessment(owner, id)).framework.pillars.flatMap((p) => p.criteria.map((c) => c.key));
    await Promise.all(
      keys.map((criterionKey) => saveAnswer(owner, id, { criterionKey, expectedVersion: 0, level: 2 })),
    );
    const detail = await getAssessment(owner, id);
    expect(detail.answers).toHaveLength(keys.length);
    expect(detail.score.coverage).toBe(1);
  });

  it("never stores an answer after completion when answering and completing race", async () => {
    const owner = await createAccount();
    const editor = await createMember(owner, "EDITOR");
    const { id: pilotId } = await createTestPilot(owner);
    const { id } = await startAssessment(owner, pilotId);
    await saveAnswer(owner, id, { criterionKey: "data.scheduled-feed", expectedVersion: 0, level: 1 });

    const [completion, late] = await Promise.allSettled([
      completeAssessment(owner, id),
      saveAnswer(editor, id, { criterionKey: "data.quality-checks", expectedVersion: 0, level: 3 }),
    ]);
    const detail = await getAssessment(owner, id);
    if (completion.status === "fulfilled") {
      // The snapshot must match the answers that exist: the late answer either landed first
      // (and is in the snapshot) or was refused.
      expect(detail.status).toBe("COMPLETED");
      expect(completion.value.answered).toBe(detail.answers.length);
      if (late.status === "rejected") expect(late.reason.code).toBe("CONFLICT");
    } else {
      // Completion refused because an answer changed under it; the assessment stays open.
      expect(completion.reason.code).toBe("CONFLICT");
      expect(detail.status).toBe("IN_PROGRESS");
      expect(late.status).toBe("fulfilled");
    }
  });
});
