/** Short names of the maturity levels (docs/scoring.md, after Google's ML Test Score). */
export const LEVEL_NAMES = ["Absent", "Ad hoc", "Defined", "Automated"] as const;
