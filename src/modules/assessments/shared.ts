// Public entry of the assessments module for code on either side (schemas, constants, small
// presentational components). Nothing here may import server-only code.
export * from "./schemas";
export * from "./components/verdict-badge";
export * from "./components/levels";
export * from "./progress";
export * from "./changes";
