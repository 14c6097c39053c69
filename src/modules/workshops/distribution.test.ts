import { describe, expect, it } from "vitest";
import { distributionOf, suggestedLevel } from "./distribution";

describe("distributionOf", () => {
  it("counts each level and don't-know, and takes the median and spread of the levels", () => {
    const d = distributionOf([0, 2, 2, 3, null]);
    expect(d.counts).toEqual([1, 0, 2, 1]);
    expect(d.unknown).toBe(1);
    expect(d.total).toBe(5);
    expect(d.median).toBe(2);
    expect(d.spread).toBe(3);
    expect(d.disagreement).toBe(true);
  });
  it("takes the middle of the two middle votes for an even count", () => {
    expect(distributionOf([1, 2]).median).toBe(1.5);
    expect(suggestedLevel(distributionOf([1, 2]))).toBe(1);
  });
  it("flags a disagreement from a spread of two levels, not one", () => {
    expect(distributionOf([1, 2, 2]).disagreement).toBe(false);
    expect(distributionOf([1, 3]).disagreement).toBe(true);
  });
  it("has no median or spread when nobody gave a level", () => {
    const d = distributionOf([null, null]);
    expect(d).toMatchObject({ median: null, spread: null, disagreement: false, unknown: 2 });
    expect(distributionOf([]).total).toBe(0);
  });
});
