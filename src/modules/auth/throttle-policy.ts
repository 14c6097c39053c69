/**
 * How long repeated failed sign-ins must wait: after FREE_ATTEMPTS failures for an email within
 * WINDOW_MS, each further attempt waits twice as long as the one before, up to MAX_DELAY_MS.
 * Pure, so it can be tested without a database; throttle.ts applies it to the recorded failures.
 */
export const WINDOW_MS = 15 * 60_000;
export const FREE_ATTEMPTS = 5;
export const BASE_DELAY_MS = 15_000;
export const MAX_DELAY_MS = 15 * 60_000;

export function requiredDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS));
}
