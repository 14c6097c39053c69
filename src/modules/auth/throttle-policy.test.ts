import { describe, expect, it } from "vitest";
import { BASE_DELAY_MS, FREE_ATTEMPTS, MAX_DELAY_MS, requiredDelayMs } from "./throttle-policy";

describe("requiredDelayMs", () => {
  it("lets the first failures through without a wait", () => {
    for (let failures = 0; failures < FREE_ATTEMPTS; failures++) expect(requiredDelayMs(failures)).toBe(0);
  });

  it("starts waiting at the fifth failure and doubles the wait with each further one", () => {
    expect(FREE_ATTEMPTS).toBe(5);
    expect(requiredDelayMs(5)).toBe(BASE_DELAY_MS);
    expect(requiredDelayMs(6)).toBe(2 * BASE_DELAY_MS);
    expect(requiredDelayMs(7)).toBe(4 * BASE_DELAY_MS);
  });

  it("never waits longer than the cap, however many failures", () => {
    expect(requiredDelayMs(50)).toBe(MAX_DELAY_MS);
    expect(requiredDelayMs(10_000)).toBe(MAX_DELAY_MS);
  });

  it("never decreases as failures grow", () => {
    let previous = 0;
    for (let failures = 0; failures < 40; failures++) {
      const delay = requiredDelayMs(failures);
      expect(delay).toBeGreaterThanOrEqual(previous);
      previous = delay;
    }
  });
});
