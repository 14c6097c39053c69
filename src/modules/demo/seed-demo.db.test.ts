import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/modules/auth";
import { VERDICTS } from "@/modules/scoring";
import { DEMO_ASSESSMENTS } from "./demo-assessments";
import { DEMO_LOGIN, DEMO_PILOTS, DEMO_VIEWER } from "./demo-data";
import { isEmptyDatabase, seedDemo } from "./seed-demo";

const DAY = 86_400_000;

describe("demo seed", () => {
  it("seeds the demo organisation with pilots and assessment histories that show every verdict", async () => {
    expect(await isEmptyDatabase()).toBe(true);
    const now = new Date();
    const started = performance.now();
    const cpu = process.cpuUsage();
    const { organizationId } = await seedDemo(now);
    const { user, system } = process.cpuUsage(cpu);
    const seconds = (performance.now() - started) / 1000;
    console.info(`[demo seed] ${seconds.toFixed(1)} s (${((user + system) / 1e6).toFixed(1)} s CPU)`);
    expect(await isEmptyDatabase()).toBe(false);
    // Neither demo address is a real mailbox: both count as confirmed, so no "confirm your email" banner.
    const demoUsers = await db.user.findMany({
      where: { email: { in: [DEMO_LOGIN.email, DEMO_VIEWER.email] } },
      select: { emailVerifiedAt: true },
    });
    expect(demoUsers).toHaveLength(2);
    expect(demoUsers.every((u) => u.emailVerifiedAt !== null)).toBe(true);

    const pilots = await db.pilot.findMany({
      where: { organizationId },
      select: {
        id: true,
        name: true,
        latestAssessment: { select: { completedAt: true } },
        assessments: { select: { status: true, verdict: true, completedAt: true, startedAt: true } },
      },
    });
    expect(pilots).toHaveLength(12);
    expect(pilots).toHaveLength(DEMO_PILOTS.length);

    const assessments = pilots.flatMap((p) => p.assessments);
    const completed = assessments.filter((a) => a.status === "COMPLETED");
    expect(new Set(completed.map((a) => a.verdict))).toEqual(new Set(VERDICTS));
    expect(assessments.filter((a) => a.status === "IN_PROGRESS")).toHaveLength(1);

    // Several months of history: some pilots were assessed three or more times.
    const completedPerPilot = pilots.map((p) => p.assessments.filter((a) => a.status === "COMPLETED").length);
    expect(Math.max(...completedPerPilot)).toBeGreaterThanOrEqual(3);
    // Most pilots have a completed assessment.
    expect(completedPerPilot.filter((n) => n > 0).length).toBeGreaterThan(pilots.length / 2);
    // All within the last year, none in the future, each pilot pointing at its latest.
    for (const a of completed) {
      expect(a.completedAt!.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(a.completedAt!.getTime()).toBeGreaterThan(now.getTime() - 366 * DAY);
      expect(a.startedAt.getTime()).toBeLessThanOrEqual(a.completedAt!.getTime());
    }
    for (const p of pilots) {
      const latest = Math.max(0, ...p.assessments.map((a) => a.completedAt?.getTime() ?? 0));
      expect(p.latestAssessment?.completedAt?.getTime() ?? 0).toBe(latest);
    }

    // Each history produced the verdict it was written for, in order.
    for (const p of pilots) {
      const expected = (DEMO_ASSESSMENTS[p.name] ?? []).filter((a) => a.expected !== null).map((a) => a.expected);
      const actual = p.assessments
        .filter((a) => a.status === "COMPLETED")
        .sort((a, b) => a.completedAt!.getTime() - b.completedAt!.getTime())
        .map((a) => a.verdict);
      expect(actual, p.name).toEqual(expected);
    }

    // A pilot without a named owner fails the owning-team gate.
    const unowned = await db.assessmentGap.findFirst({
      where: { assessment: { organizationId, pilot: { ownerName: null } }, criterionKey: "ownership.owning-team" },
      select: { isGate: true },
    });
    expect(unowned?.isGate).toBe(true);

    // The printed demo login works.
    await expect(authenticate({ email: DEMO_LOGIN.email, password: DEMO_LOGIN.password })).resolves.toMatchObject({
      email: DEMO_LOGIN.email,
      name: DEMO_LOGIN.name,
    });
  });
});
