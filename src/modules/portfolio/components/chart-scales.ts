/**
 * Axis domains and ticks for the dashboard's charts, computed from the data so that every point
 * lies inside the axes (a point above the last tick sat on the chart's border before) and the
 * ticks are round numbers. Pure: used by the charts (browser) and their summaries (server).
 */
import { formatMonth } from "@/lib/format";

/** Steps of a log axis inside one decade: 1, 2, 5, 10, 20, 50… */
const LOG_STEPS = [1, 2, 5] as const;

/** 1-2-5 values, ascending, from the largest one at or below `min` to the smallest at or above `max`. */
function oneTwoFive(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let exponent = Math.floor(Math.log10(min)) - 1; exponent <= Math.ceil(Math.log10(max)) + 1; exponent++) {
    for (const step of LOG_STEPS) ticks.push(roundSignificant(step * 10 ** exponent));
  }
  const lo = ticks.filter((t) => t <= min).at(-1) ?? ticks[0]!;
  const hi = ticks.find((t) => t >= max) ?? ticks.at(-1)!;
  return ticks.filter((t) => t >= lo && t <= hi);
}

/** 0.1 * 3 is 0.30000000000000004: round to the significant digits a tick has. */
const roundSignificant = (n: number) => Number(n.toPrecision(6));

export interface LogAxis {
  domain: [number, number];
  ticks: number[];
}

/**
 * A log axis covering every positive value: the domain runs from a round number at or below the
 * smallest to one at or above the largest. Over a wide range the ticks are powers of ten; over
 * a narrow one, 1-2-5 steps. Null when there is no positive value (a log axis cannot show 0).
 */
export function logAxis(values: readonly number[]): LogAxis | null {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0);
  if (positive.length === 0) return null;
  const min = Math.min(...positive);
  const max = Math.max(...positive);
  const steps = oneTwoFive(min, max);
  if (steps.length >= 2 && steps.length <= 7) return { domain: [steps[0]!, steps.at(-1)!], ticks: steps };
  if (steps.length < 2) {
    // One value exactly on a round number: one step either side.
    const all = oneTwoFive(min / 2.5, max * 2.5);
    return { domain: [all[0]!, all.at(-1)!], ticks: all };
  }
  const lo = Math.floor(Math.log10(min));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(max)));
  // Every power of ten, or every other one over a very wide range.
  const every = hi - lo > 6 ? 2 : 1;
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e += every) ticks.push(roundSignificant(10 ** e));
  if (ticks.at(-1)! < roundSignificant(10 ** hi)) ticks.push(roundSignificant(10 ** hi));
  return { domain: [ticks[0]!, ticks.at(-1)!], ticks };
}

/** The readiness axis: scores are 0–100, ticks at the quarter marks (75 and 50 are the thresholds). */
export const SCORE_AXIS = { domain: [0, 100] as [number, number], ticks: [0, 25, 50, 75, 100] };

/** Chart heights in px (not rem: the printed page has a smaller root font, the chart does not). */
export const TREND_HEIGHT = 256;
export const SCATTER_HEIGHT = 288;

/** "2026-03" → "Mar 2026" (UTC), or "Mar 26" when `short`. */
export const monthLabel = formatMonth;
