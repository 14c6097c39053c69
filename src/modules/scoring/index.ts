export * from "./types";
export { scoreAssessment, verdictRank, roundScore, validateFrameworkSpec } from "./score";
