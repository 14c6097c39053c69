import { describe, expect, it } from "vitest";
import { logAxis, monthLabel } from "./chart-scales";

describe("logAxis", () => {
  it("covers every value, with round ticks at both ends", () => {
    for (const values of [
      [0.37, 4.2, 18],
      [3, 3.5, 4],
      [12, 950, 80_000],
      [1, 10],
      [0.004, 2_000_000_000],
      [7],
      [10],
    ]) {
      const axis = logAxis(values)!;
      expect(axis.domain[0]).toBeLessThanOrEqual(Math.min(...values));
      expect(axis.domain[1]).toBeGreaterThanOrEqual(Math.max(...values));
      expect(axis.ticks[0]).toBe(axis.domain[0]);
      expect(axis.ticks.at(-1)).toBe(axis.domain[1]);
      expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
      expect(axis.ticks.length).toBeLessThanOrEqual(8);
      expect([...axis.ticks].sort((a, b) => a - b)).toEqual(axis.ticks);
    }
  });

  it("uses 1-2-5 steps over a narrow range and powers of ten over a wide one", () => {
    expect(logAxis([0.37, 4.2, 18])).toEqual({ domain: [0.2, 20], ticks: [0.2, 0.5, 1, 2, 5, 10, 20] });
    expect(logAxis([12, 950, 80_000])).toEqual({ domain: [10, 100_000], ticks: [10, 100, 1000, 10_000, 100_000] });
  });

  it("leaves out zero and negative values, which a log axis cannot show", () => {
    expect(logAxis([0, 2, 3])!.domain[0]).toBe(2);
    expect(logAxis([0, -1])).toBeNull();
    expect(logAxis([])).toBeNull();
  });
});

describe("monthLabel", () => {
  it("names the month in UTC", () => {
    expect(monthLabel("2026-03")).toBe("Mar 2026");
    expect(monthLabel("2025-12", true)).toBe("Dec 25");
  });
});
