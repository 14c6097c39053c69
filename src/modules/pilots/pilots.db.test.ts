import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAccount, createMember, createTestPilot, pilotValues } from "@/modules/demo/factories";
import { pilotListQuerySchema } from "./schemas";
import { archivePilot, createPilot, getPilot, listPilotFacets, listPilots, restorePilot, updatePilot } from "./service";

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

    expect((await listPilots(owner)).map((p) => p.name)).toEqual([
      "Alpha churn model",
      "Beta support copilot",
      "Gamma fraud scoring",
    ]);
    expect((await listPilots(owner, { q: "copilot" })).map((p) => p.name)).toEqual(["Beta support copilot"]);
    expect((await listPilots(owner, { stage: "PILOT", unit: "Sales" })).map((p) => p.name)).toEqual([
      "Gamma fraud scoring",
    ]);
    expect((await listPilots(owner, { sort: "cost", dir: "desc" })).map((p) => p.name)).toEqual([
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
    const { version } = await updatePilot(owner, id, {
      ...pilotValues({ name: "Renamed", stage: "PRODUCTION_INTENT" }),
      expectedVersion: 1,
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
    expect(await listPilots(owner)).toHaveLength(0);
    expect((await listPilots(owner, { archived: "1" })).map((p) => p.name)).toEqual(["To archive"]);
    // The page parses the URL query before calling the service, which parses it again.
    const parsed = pilotListQuerySchema.parse({ archived: "1" });
    expect((await listPilots(owner, parsed)).map((p) => p.name)).toEqual(["To archive"]);
    await restorePilot(owner, id);
    expect(await listPilots(owner)).toHaveLength(1);
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
    expect(await listPilots(b)).toHaveLength(0);

    const untouched = await getPilot(a, id);
    expect(untouched).toMatchObject({ name: "A's pilot", version: 1, archivedAt: null });
  });

  it("lets a viewer read but not create or edit", async () => {
    const owner = await createAccount();
    const viewer = await createMember(owner, "VIEWER");
    const { id } = await createTestPilot(owner);
    expect(await listPilots(viewer)).toHaveLength(1);
    await expect(createPilot(viewer, pilotValues())).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
    await expect(updatePilot(viewer, id, { ...pilotValues(), expectedVersion: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(archivePilot(viewer, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.pilot.count({ where: { organizationId: owner.organizationId } })).toBe(1);
  });
});
