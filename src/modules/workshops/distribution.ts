/** The room's votes on one item, as the reveal shows them. Pure: used on both sides and in tests. */
export interface Distribution {
  /** Votes for levels 0, 1, 2 and 3. */
  counts: [number, number, number, number];
  /** "Don't know" votes. */
  unknown: number;
  total: number;
  /** Median of the level votes (0.5 steps when the middle falls between two), null without any. */
  median: number | null;
  /** Highest minus lowest level voted, null without any. */
  spread: number | null;
  /** The votes span two levels or more: worth talking about before agreeing. */
  disagreement: boolean;
}

/** Spread from which the room is said to disagree. */
export const DISAGREEMENT_SPREAD = 2;

export function distributionOf(levels: (number | null)[]): Distribution {
  const counts: [number, number, number, number] = [0, 0, 0, 0];
  let unknown = 0;
  const known: number[] = [];
  for (const level of levels) {
    if (level === null) unknown += 1;
    else {
      counts[level as 0 | 1 | 2 | 3] += 1;
      known.push(level);
    }
  }
  known.sort((a, b) => a - b);
  const mid = Math.floor(known.length / 2);
  const median = known.length === 0 ? null : known.length % 2 === 1 ? known[mid]! : (known[mid - 1]! + known[mid]!) / 2;
  const spread = known.length === 0 ? null : known.at(-1)! - known[0]!;
  return {
    counts,
    unknown,
    total: levels.length,
    median,
    spread,
    disagreement: spread !== null && spread >= DISAGREEMENT_SPREAD,
  };
}

/** The level a facilitator is offered first after the reveal: the median, rounded down (the cautious side). */
export function suggestedLevel(d: Distribution): number | null {
  return d.median === null ? null : Math.floor(d.median);
}
