import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAccount, createMember, createTestPilot, pilotValues } from "@/modules/demo";
import type { Actor } from "@/modules/access/shared";
import { currentPublishedVersionId } from "@/modules/frameworks";
import type { Verdict } from "@/modules/scoring";
import { MAX_FILTER_VALUES, PILOT_SORTS, pilotListQuerySchema, pilotListSearch } from "./schemas";
import {
  archivePilot,
  createPilot,
  gapCriterionTitle,
  getPilot,
  listPilotFacets,
  listPilots,
  restorePilot,
  updatePilot,
} from "./service";

/** The names on one page of the list. */
async function names(actor: Actor, query: unknown = {}): Promise<string[]> {
  return (await listPilots(actor, query)).items.map((p) => p.name);
}

describe("pilot registry", () => {
  it("creates a pilot with its first stage in the history and derives cost per outcome", async () => {
    const owner = await createAccount();
    const { id } = await createPilot(
      owner,
      pilotValues({ name: "Claims summariser", monthlyRunCost: "3000", outcomesPerMonth: "1500" }),
    );
    const pilot = await getPilot(owner, id);
    expect(pilot.name).toBe("Claims summariser");
    expect(pilot.costPerOutcome).toBe(2);
    expect(pilot.tags).toEqual(["llm", "finance"]);
    expect(pilot.stageChanges).toHaveLength(1);
    expect(pilot.stageChanges[0]).toMatchObject({ fromStage: null, toStage: "PILOT" });
  });

  it("rejects invalid input field by field and saves nothing", async () => {
    const owner = await createAccount();
    const attempt = createPilot(
      owner,
      pilotValues({
        name: "",
        ownerEmail: "not-an-email",
        monthlyRunCost: "-5",
        startDate: "2026-05-01",
        targetProductionDate: "2026-01-01",
      }),
    );
    await expect(attempt).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: {
        name: ["Enter a name."],
        ownerEmail: ["Enter a valid email address, like name@company.com."],
        monthlyRunCost: ["Monthly run cost cannot be negative."],
      },
    });
    expect(await db.pilot.count({ where: { organizationId: owner.organizationId } })).toBe(0);
  });

  it("checks the date order and names the field", async () => {
    const owner = await createAccount();
    await expect(
      createPilot(owner, pilotValues({ startDate: "2026-05-01", targetProductionDate: "2026-01-01" })),
    ).rejects.toMatchObject({
      fieldErrors: { targetProductionDate: ["The target production date must be on or after the start date."] },
    });
  });

  it("lists with search, stage and business-unit filters and sorting", async () => {
    const owner = await createAccount();
    await createTestPilot(owner, {
      name: "Alpha churn model",
      stage: "IDEA",
      businessUnit: "Sales",
      monthlyRunCost: "100",
    });
    await createTestPilot(owner, {
      name: "Beta support copilot",
      stage: "PILOT",
      businessUnit: "Support",
      monthlyRunCost: "900",
    });
    await createTestPilot(owner, {
      name: "Gamma fraud scoring",
      stage: "PILOT",
      businessUnit: "Sales",
      monthlyRunCost: "",
    });

    expect(await names(owner)).toEqual(["Alpha churn model", "Beta support copilot", "Gamma fraud scoring"]);
    expect(await names(owner, { q: "copilot" })).toEqual(["Beta support copilot"]);
    expect(await names(owner, { stage: "PILOT", unit: "Sales" })).toEqual(["Gamma fraud scoring"]);
    expect(await names(owner, { sort: "cost", dir: "desc" })).toEqual([
      "Beta support copilot",
      "Alpha churn model",
      "Gamma fraud scoring",
    ]);
    expect(await listPilotFacets(owner)).toEqual({
      businessUnits: ["Sales", "Support"],
      teams: ["Finance Automation"],
    });
  });

  it("records stage changes and refuses a stale edit", async () => {
    const owner = await createAccount();
    const { id } = await createTestPilot(owner);
    // Unassessed, the move towards production needs a reason (the stage gate).
    const { version } = await updatePilot(owner, id, {
      ...pilotValues({ name: "Renamed", stage: "PRODUCTION_INTENT" }),
      expectedVersion: 1,
      stageReason: "Approved by the steering group",
    });
    expect(version).toBe(2);
    const pilot = await getPilot(owner, id);
    expect(pilot.name).toBe("Renamed");
    expect(pilot.stageChanges.map((c) => c.toStage)).toEqual(["PRODUCTION_INTENT", "PILOT"]);
    // The earlier stay ends when the next begins; the current one is open.
    const stays = await db.pilotStageChange.findMany({ where: { pilotId: id }, orderBy: { enteredAt: "asc" } });
    expect(stays[0]!.leftAt).toEqual(stays[1]!.enteredAt);
    expect(stays[1]!.leftAt).toBeNull();

    await expect(
      updatePilot(owner, id, { ...pilotValues({ name: "Stale" }), expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getPilot(owner, id)).name).toBe("Renamed");
  });

  it("archives and restores", async () => {
    const owner = await createAccount();
    const { id } = await createTestPilot(owner, { name: "To archive" });
    await archivePilot(owner, id);
    expect(await names(owner)).toHaveLength(0);
    expect(await names(owner, { archived: "1" })).toEqual(["To archive"]);
    // The page parses the URL query before calling the service, which parses it again.
    const parsed = pilotListQuerySchema.parse({ archived: "1" });
    expect(await names(owner, parsed)).toEqual(["To archive"]);
    await restorePilot(owner, id);
    expect(await names(owner)).toHaveLength(1);
  });
});

describe("pilot list pages", () => {
  const UPDATED = new Date("2026-04-01T12:00:00.000Z");

  /**
   * 60 active pilots and 6 archived ones, with many ties (each name three times, a few costs,
   * stages and dates, one shared updatedAt) so only the id tie-breaker keeps the order fixed.
   */
  async function seedList(actor: Actor) {
    const rows = Array.from({ length: 66 }, (_, i) => ({
      organizationId: actor.organizationId,
      name: `Pilot ${String(i % 20).padStart(2, "0")}`,
      summary: "Routes work to the right queue",
      workflow: "Manual routing",
      targetOutcome: "Faster routing",
      businessUnit: i % 3 === 0 ? "Sales" : "Support",
      owningTeam: "Ops",
      stage: (["IDEA", "PILOT", "PRODUCTION_INTENT"] as const)[i % 3 === 0 ? 0 : (i % 2) + 1],
      monthlyRunCost: i % 4 === 0 ? null : (i % 5) * 100,
      targetProductionDate: i % 3 === 1 ? null : new Date(Date.UTC(2026, i % 4, 1)),
      archivedAt: i >= 60 ? UPDATED : null,
      updatedAt: UPDATED,
    }));
    await db.pilot.createMany({ data: rows });
    return rows.filter((r) => r.archivedAt === null);
  }

  it("counts every pilot matching the filters, not just one page", async () => {
    const owner = await createAccount();
    const active = await seedList(owner);
    // Another organisation's pilots are never counted.
    await seedList(await createAccount());

    const all = await listPilots(owner);
    expect(all).toMatchObject({ total: 60, page: 1, pageSize: 25, pageCount: 3 });
    expect(all.items).toHaveLength(25);

    const sales = active.filter((r) => r.businessUnit === "Sales");
    expect(await listPilots(owner, { unit: "Sales" })).toMatchObject({ total: sales.length, pageCount: 1 });

    const support = active.filter((r) => r.businessUnit === "Support");
    const supportPage = await listPilots(owner, { unit: "Support", size: "25" });
    expect(supportPage).toMatchObject({ total: support.length, pageCount: Math.ceil(support.length / 25) });
    expect(supportPage.items).toHaveLength(25);

    const matching = active.filter((r) => r.stage === "PILOT" && r.name.toLowerCase().includes("pilot 1"));
    expect(matching.length).toBeGreaterThan(0);
    const filtered = await listPilots(owner, { stage: "PILOT", q: "PILOT 1" });
    expect(filtered.total).toBe(matching.length);
    expect(filtered.items.map((p) => p.name).sort()).toEqual(matching.map((r) => r.name).sort());

    expect(await listPilots(owner, { archived: "1" })).toMatchObject({ total: 6, pageCount: 1 });
    expect(await listPilots(owner, { q: "nothing like this" })).toMatchObject({
      items: [],
      total: 0,
      page: 1,
      pageCount: 1,
    });
  });

  it("serves the next rows on the next page, with no overlap, under every sort", async () => {
    const owner = await createAccount();
    await seedList(owner);
    for (const sort of PILOT_SORTS) {
      for (const dir of ["asc", "desc"] as const) {
        const whole = (await listPilots(owner, { sort, dir, size: "100" })).items.map((p) => p.id);
        expect(whole).toHaveLength(60);
        const pages = await Promise.all(
          [1, 2, 3].map(async (page) =>
            (await listPilots(owner, { sort, dir, page: String(page) })).items.map((p) => p.id),
          ),
        );
        expect(pages[0], `${sort} ${dir}, page 1`).toEqual(whole.slice(0, 25));
        expect(pages[1], `${sort} ${dir}, page 2`).toEqual(whole.slice(25, 50));
        expect(pages[2], `${sort} ${dir}, page 3`).toEqual(whole.slice(50));
        expect(new Set(pages.flat()).size).toBe(60);
      }
    }
  });

  it("shows the last page for a page past the end", async () => {
    const owner = await createAccount();
    await seedList(owner);
    const whole = (await listPilots(owner, { size: 100 })).items.map((p) => p.id);
    const past = await listPilots(owner, { page: "99" });
    expect(past).toMatchObject({ page: 3, pageCount: 3, total: 60 });
    expect(past.items.map((p) => p.id)).toEqual(whole.slice(50));
    expect(await listPilots(owner, { page: 4, size: "50" })).toMatchObject({ page: 2, pageSize: 50, pageCount: 2 });
    expect(await listPilots(owner, { page: "2", size: "100" })).toMatchObject({ page: 1, pageCount: 1 });
    // An empty list has one (empty) page.
    expect(await listPilots(owner, { stage: "PRODUCTION", page: "3" })).toMatchObject({
      items: [],
      total: 0,
      page: 1,
      pageCount: 1,
    });
  });

  it("falls back to page 1 and 25 a page for bad values", async () => {
    const owner = await createAccount();
    await seedList(owner);
    const first = (await listPilots(owner)).items.map((p) => p.id);
    for (const bad of [
      { page: "abc" },
      { page: "0" },
      { page: "-2" },
      { page: "1.5" },
      { page: "" },
      { size: "10" },
      { size: "1000" },
      { size: "abc" },
      { size: "-25" },
    ]) {
      const result = await listPilots(owner, bad);
      expect(result, JSON.stringify(bad)).toMatchObject({ page: 1, pageSize: 25, pageCount: 3 });
      expect(result.items.map((p) => p.id)).toEqual(first);
    }
    expect(await listPilots(owner, { size: "50" })).toMatchObject({ pageSize: 50, pageCount: 2 });
    expect((await listPilots(owner, { size: "100" })).items).toHaveLength(60);
  });

  it("parses the list query idempotently and writes it back to a URL", () => {
    for (const raw of [{}, { page: "2", size: "50", archived: "1", sort: "cost", dir: "desc" }, { page: "x" }]) {
      const once = pilotListQuerySchema.parse(raw);
      expect(pilotListQuerySchema.parse(once)).toEqual(once);
      expect(pilotListQuerySchema.parse(Object.fromEntries(new URLSearchParams(pilotListSearch(once))))).toEqual(once);
    }
    const query = pilotListQuerySchema.parse({ q: "claims", unit: "Sales", page: "3", size: "50" });
    expect(pilotListSearch(query, { page: 4 })).toBe("?q=claims&unit=Sales&size=50&page=4");
    // Any other change goes back to page 1.
    expect(pilotListSearch(query, { sort: "cost", dir: "desc" })).toBe(
      "?q=claims&unit=Sales&sort=cost&dir=desc&size=50",
    );
  });
});

describe("the dashboard's filters on the pilot list", () => {
  const TITLES: Record<string, string> = {
    "observability.drift": "Input and output drift monitoring",
    "data.quality-checks": "Data quality checks",
    "legacy.old-check": "An old check",
  };

  /** A completed assessment with these gaps, stored as completion stores it; optionally made the pilot's latest. */
  async function completed(
    actor: Actor,
    pilotId: string,
    verdict: Verdict,
    gapKeys: string[],
    day: string,
    latest = true,
  ) {
    const frameworkVersionId = await currentPublishedVersionId(actor);
    const assessment = await db.assessment.create({
      data: {
        organizationId: actor.organizationId,
        pilotId,
        frameworkVersionId,
        status: "COMPLETED",
        completedAt: new Date(`${day}T00:00:00.000Z`),
        verdict,
        readinessScore: 50,
        gapKeys,
        gaps: {
          create: gapKeys.map((criterionKey, rank) => ({
            criterionKey,
            criterionTitle: TITLES[criterionKey]!,
            pillarKey: criterionKey.split(".")[0]!,
            isGate: false,
            level: 1,
            targetLevel: 2,
            priority: 2,
            rank,
            remediation: "Close the gap",
          })),
        },
      },
      select: { id: true },
    });
    if (latest) await db.pilot.update({ where: { id: pilotId }, data: { latestAssessmentId: assessment.id } });
  }

  /**
   * A: Claims · Core · PILOT · llm — BLOCKED, gaps drift and quality checks.
   * B: Retail · Web · PRODUCTION_INTENT · vision — READY, no gap.
   * C: Retail · Core · PILOT · llm, ops — CONDITIONAL, gap drift (an older assessment had quality checks).
   * D: Legal · Core · IDEA — never assessed.
   * E: Claims · PILOT — gap drift, archived. Another organisation has a pilot with the drift gap.
   * B also has an older assessment with a gap on a criterion the framework does not have.
   */
  async function seed() {
    const owner = await createAccount();
    const make = (
      name: string,
      businessUnit: string,
      owningTeam: string,
      stage: "IDEA" | "PILOT" | "PRODUCTION_INTENT",
      tags: string,
    ) => createTestPilot(owner, { name, businessUnit, owningTeam, stage, tags }).then((p) => p.id);
    const a = await make("A", "Claims", "Core", "PILOT", "llm");
    const b = await make("B", "Retail", "Web", "PRODUCTION_INTENT", "vision");
    const c = await make("C", "Retail", "Core", "PILOT", "llm, ops");
    await make("D", "Legal", "Core", "IDEA", "");
    const e = await make("E", "Claims", "Core", "PILOT", "llm");
    await completed(owner, a, "BLOCKED", ["observability.drift", "data.quality-checks"], "2026-05-01");
    await completed(owner, b, "READY", [], "2026-05-01");
    await completed(owner, c, "NOT_READY", ["data.quality-checks"], "2026-03-01", false);
    await completed(owner, c, "CONDITIONAL", ["observability.drift"], "2026-05-01");
    await completed(owner, e, "BLOCKED", ["observability.drift"], "2026-05-01");
    // A criterion the framework no longer has, below target in an assessment that is no longer B's latest.
    await completed(owner, b, "NOT_READY", ["legacy.old-check"], "2026-01-01", false);
    await archivePilot(owner, e);
    const other = await createAccount();
    const { id: elsewhere } = await createTestPilot(other, { name: "Elsewhere" });
    await completed(other, elsewhere, "BLOCKED", ["observability.drift"], "2026-05-01");
    return owner;
  }

  const search = (query: string) => new URLSearchParams(query);

  it("takes several values per filter: OR within a filter, AND across filters", async () => {
    const owner = await seed();
    expect(await names(owner, search("unit=Claims&unit=Retail"))).toEqual(["A", "B", "C"]);
    expect(await names(owner, search("unit=Claims&unit=Retail&stage=PILOT"))).toEqual(["A", "C"]);
    expect(await names(owner, search("stage=IDEA&stage=PRODUCTION_INTENT"))).toEqual(["B", "D"]);
    expect(await names(owner, search("team=Core&tag=ops&tag=vision"))).toEqual(["C"]);
    expect(await names(owner, search("team=Core&team=Web&tag=LLM"))).toEqual(["A", "C"]);
    expect(await names(owner, search("verdict=READY&verdict=NOT_ASSESSED"))).toEqual(["B", "D"]);
    expect(await names(owner, search("verdict=BLOCKED&verdict=CONDITIONAL&unit=Claims"))).toEqual(["A"]);
    // Next's searchParams object gives repeated values as an array.
    expect(await names(owner, { unit: ["Claims", "Legal"] })).toEqual(["A", "D"]);
  });

  it("gap=<criterion>: pilots whose latest completed assessment has it below target", async () => {
    const owner = await seed();
    // Not E (archived), not the other organisation's pilot.
    expect(await listPilots(owner, search("gap=observability.drift"))).toMatchObject({ total: 2 });
    expect(await names(owner, search("gap=observability.drift"))).toEqual(["A", "C"]);
    // C's older assessment had quality checks; only its latest counts.
    expect(await names(owner, search("gap=data.quality-checks"))).toEqual(["A"]);
    expect(await names(owner, search("gap=observability.drift&stage=PILOT&verdict=CONDITIONAL"))).toEqual(["C"]);
    expect(await names(owner, search("gap=observability.drift&archived=1"))).toEqual(["E"]);
    expect(await names(owner, search("gap=ownership.on-call"))).toEqual([]);
    expect(await names(owner, search("gap=legacy.old-check"))).toEqual([]);
    // The note's title: as the framework calls the criterion, else as a stored gap did, else none.
    expect(await gapCriterionTitle(owner, "observability.drift")).toBe("Input and output drift monitoring");
    expect(await gapCriterionTitle(owner, "ownership.on-call")).toBe("On-call cover");
    expect(await gapCriterionTitle(owner, "legacy.old-check")).toBe("An old check");
    expect(await gapCriterionTitle(owner, "made.up-key")).toBeNull();
  });

  it("parses several values, drops bad ones, and writes them back repeated and in order", () => {
    const query = pilotListQuerySchema.parse(
      search(
        "unit=Retail&unit=Claims&stage=LAUNCHED&stage=PILOT&verdict=GREAT&verdict=READY&tag=LLM&gap=bad%00key&size=50",
      ),
    );
    expect(query).toMatchObject({
      units: ["Claims", "Retail"],
      stages: ["PILOT"],
      verdicts: ["READY"],
      tags: ["llm"],
      teams: [],
      gap: undefined,
      size: 50,
    });
    expect(pilotListQuerySchema.parse(query)).toEqual(query);
    const withGap = { ...query, gap: "observability.drift" };
    const written = pilotListSearch(withGap, { page: 2 });
    expect(written).toBe(
      "?unit=Claims&unit=Retail&stage=PILOT&tag=llm&verdict=READY&gap=observability.drift&size=50&page=2",
    );
    expect(pilotListQuerySchema.parse(search(written.slice(1)))).toEqual({ ...withGap, page: 2 });
    const many = Array.from({ length: 80 }, (_, i) => `Unit ${String(i).padStart(2, "0")}`);
    expect(pilotListQuerySchema.parse({ unit: many }).units).toHaveLength(MAX_FILTER_VALUES);
  });
});

describe("readiness, verdict and the overdue flag on the list", () => {
  /** A completed assessment with this verdict and score, made the pilot's latest. */
  async function assessed(actor: Actor, pilotId: string, verdict: Verdict, readinessScore: number | null) {
    const assessment = await db.assessment.create({
      data: {
        organizationId: actor.organizationId,
        pilotId,
        frameworkVersionId: await currentPublishedVersionId(actor),
        status: "COMPLETED",
        completedAt: new Date("2026-05-01T00:00:00.000Z"),
        verdict,
        readinessScore,
      },
      select: { id: true },
    });
    await db.pilot.update({ where: { id: pilotId }, data: { latestAssessmentId: assessment.id } });
  }

  /**
   * Ready 80, Conditional 60, Not ready 40 (and an older Ready 95 that is no longer its latest),
   * an Incomplete one with no score, one never assessed and one with an assessment in progress only.
   */
  async function seed() {
    const owner = await createAccount();
    const make = (name: string) => createTestPilot(owner, { name }).then((p) => p.id);
    const ready = await make("Ready 80");
    const conditional = await make("Conditional 60");
    const notReady = await make("Not ready 40");
    const incomplete = await make("Incomplete");
    await make("Never assessed");
    const open = await make("Open only");
    await assessed(owner, notReady, "READY", 95);
    await assessed(owner, notReady, "NOT_READY", 40);
    await assessed(owner, ready, "READY", 80);
    await assessed(owner, conditional, "CONDITIONAL", 60);
    await assessed(owner, incomplete, "INCOMPLETE", null);
    await db.assessment.create({
      data: {
        organizationId: owner.organizationId,
        pilotId: open,
        frameworkVersionId: await currentPublishedVersionId(owner),
        openForPilotId: open,
      },
    });
    // Another organisation's better pilot is never listed.
    const other = await createAccount();
    await assessed(other, (await createTestPilot(other, { name: "Elsewhere 99" })).id, "READY", 99);
    return owner;
  }

  it("gives each pilot its latest verdict and score, and none (not 0) when it was never assessed", async () => {
    const owner = await seed();
    const byName = new Map((await listPilots(owner)).items.map((p) => [p.name, p.readiness]));
    expect(byName.get("Ready 80")).toMatchObject({ verdict: "READY", readinessScore: 80 });
    expect(byName.get("Not ready 40")).toMatchObject({ verdict: "NOT_READY", readinessScore: 40 });
    expect(byName.get("Incomplete")).toMatchObject({ verdict: "INCOMPLETE", readinessScore: null });
    expect(byName.get("Never assessed")).toBeNull();
    expect(byName.get("Open only")).toBeNull();
    expect(byName.size).toBe(6);
  });

  it("sorts by readiness with the pilots without a score last in both directions", async () => {
    const owner = await seed();
    const unscored = ["Incomplete", "Never assessed", "Open only"];
    expect(await names(owner, { sort: "readiness", dir: "desc" })).toEqual([
      "Ready 80",
      "Conditional 60",
      "Not ready 40",
      ...unscored,
    ]);
    expect(await names(owner, { sort: "readiness", dir: "asc" })).toEqual([
      "Not ready 40",
      "Conditional 60",
      "Ready 80",
      ...unscored,
    ]);
    // Filters and pages still apply, with the true total.
    const page = await listPilots(owner, { sort: "readiness", dir: "asc", q: "0" });
    expect(page).toMatchObject({ total: 3, page: 1, pageCount: 1 });
    expect(page.items.map((p) => p.name)).toEqual(["Not ready 40", "Conditional 60", "Ready 80"]);
    // A URL asks for it as sort=readiness and gets it back.
    const query = pilotListQuerySchema.parse({ sort: "readiness", dir: "desc" });
    expect(pilotListSearch(query)).toBe("?sort=readiness&dir=desc");
  });

  it("filters by the latest verdict, with Not assessed for pilots without a completed assessment", async () => {
    const owner = await seed();
    const search = (query: string) => new URLSearchParams(query);
    expect(await names(owner, search("verdict=NOT_ASSESSED"))).toEqual(["Never assessed", "Open only"]);
    // Only the latest assessment counts: Not ready 40 was Ready before.
    expect(await names(owner, search("verdict=READY"))).toEqual(["Ready 80"]);
    expect(await names(owner, search("verdict=INCOMPLETE&verdict=NOT_READY"))).toEqual(["Incomplete", "Not ready 40"]);
    expect(
      await listPilots(owner, search("verdict=NOT_ASSESSED&verdict=CONDITIONAL&sort=readiness&dir=desc")),
    ).toMatchObject({
      total: 3,
      items: [{ name: "Conditional 60" }, { name: "Never assessed" }, { name: "Open only" }],
    });
  });

  it("flags a target production date as overdue once it has passed, unless the pilot is in production or retired", async () => {
    const owner = await createAccount();
    const now = new Date("2026-11-24T10:00:00.000Z");
    const make = async (name: string, stage: "IDEA" | "PILOT" | "PRODUCTION_INTENT", targetProductionDate: string) =>
      createTestPilot(owner, { name, stage, startDate: "", targetProductionDate });
    await make("Idea, last year", "IDEA", "2025-11-24");
    await make("Pilot, yesterday", "PILOT", "2026-11-23");
    await make("Intent, last month", "PRODUCTION_INTENT", "2026-10-31");
    await make("Pilot, today", "PILOT", "2026-11-24");
    await make("Pilot, next year", "PILOT", "2027-03-31");
    await make("Pilot, no date", "PILOT", "");
    const { id: live } = await make("Live, last year", "PILOT", "2025-06-30");
    const { id: retired } = await make("Retired, last year", "PILOT", "2025-06-30");
    // Production and Retired are reached by an edit (Production passes the gate with a reason).
    await updatePilot(owner, live, {
      ...pilotValues({
        name: "Live, last year",
        stage: "PRODUCTION",
        startDate: "",
        targetProductionDate: "2025-06-30",
      }),
      expectedVersion: 1,
      stageReason: "Went live before the checklist",
    });
    await updatePilot(owner, retired, {
      ...pilotValues({
        name: "Retired, last year",
        stage: "RETIRED",
        startDate: "",
        targetProductionDate: "2025-06-30",
      }),
      expectedVersion: 1,
    });

    const { items } = await listPilots(owner, {}, { now });
    expect(Object.fromEntries(items.map((p) => [p.name, p.overdue]))).toEqual({
      "Idea, last year": true,
      "Intent, last month": true,
      "Live, last year": false,
      "Pilot, next year": false,
      "Pilot, no date": false,
      "Pilot, today": false,
      "Pilot, yesterday": true,
      "Retired, last year": false,
    });
    // The pilot page says the same (judged today, so only the dates long past are certain).
    expect((await getPilot(owner, live)).overdue).toBe(false);
    const { id: late } = await make("Intent, 2020", "PRODUCTION_INTENT", "2020-01-31");
    expect((await getPilot(owner, late)).overdue).toBe(true);
  });

  it("says how many pilots are archived when every pilot is", async () => {
    const owner = await createAccount();
    const ids = await Promise.all(["One", "Two", "Three"].map((name) => createTestPilot(owner, { name })));
    expect(await listPilots(owner)).toMatchObject({ total: 3, archivedCount: 0 });
    for (const { id } of ids) await archivePilot(owner, id);
    expect(await listPilots(owner)).toMatchObject({ total: 0, items: [], archivedCount: 3 });
    // A filtered view or the archive itself does not need it.
    expect(await listPilots(owner, { q: "One" })).toMatchObject({ total: 0, archivedCount: 0 });
    expect(await listPilots(owner, { archived: "1" })).toMatchObject({ total: 3, archivedCount: 0 });
  });
});

describe("pilot tenancy and roles", () => {
  it("answers another organisation's pilot ids with not found and changes nothing", async () => {
    const a = await createAccount();
    const b = await createAccount();
    const { id } = await createTestPilot(a, { name: "A's pilot" });

    await expect(getPilot(b, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      updatePilot(b, id, { ...pilotValues({ name: "Hijacked" }), expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(archivePilot(b, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(restorePilot(b, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await names(b)).toHaveLength(0);

    const untouched = await getPilot(a, id);
    expect(untouched).toMatchObject({ name: "A's pilot", version: 1, archivedAt: null });
  });

  it("lets a viewer read but not create or edit", async () => {
    const owner = await createAccount();
    const viewer = await createMember(owner, "VIEWER");
    const { id } = await createTestPilot(owner);
    expect(await names(viewer)).toHaveLength(1);
    await expect(createPilot(viewer, pilotValues())).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
    await expect(updatePilot(viewer, id, { ...pilotValues(), expectedVersion: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(archivePilot(viewer, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.pilot.count({ where: { organizationId: owner.organizationId } })).toBe(1);
  });
});
