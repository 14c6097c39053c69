import { describe, expect, it } from "vitest";
import { z } from "zod";
import { pilotInputSchema } from "./schemas";

const valid = {
  name: "Claims triage",
  summary: "Routes claims",
  workflow: "Handlers sort claims by hand",
  targetOutcome: "Route 80% automatically",
  businessUnit: "Claims",
  owningTeam: "Claims Ops",
  stage: "PILOT",
  tags: "",
};

describe("the pilot form's schema", () => {
  it("reports every problem in one round, cross-field ones included", () => {
    const result = pilotInputSchema.safeParse({
      ...valid,
      name: "",
      startDate: "2026-05-01",
      targetProductionDate: "2026-01-01",
      ownerEmail: "owner@example.com",
    });
    expect(result.success).toBe(false);
    expect(Object.keys(z.flattenError(result.error!).fieldErrors).sort()).toEqual([
      "name",
      "ownerName",
      "targetProductionDate",
    ]);
  });

  it("accepts a valid pilot", () => {
    expect(
      pilotInputSchema.safeParse({ ...valid, startDate: "2026-01-01", targetProductionDate: "2026-05-01" }).success,
    ).toBe(true);
  });
});
