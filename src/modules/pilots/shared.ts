// Public entry of the pilots module for code on either side (schemas, constants, small
// presentational components). Nothing here may import server-only code.
export * from "./schemas";
export * from "./stages";
export * from "./components/stage-badge";
export * from "./components/overdue-badge";
export * from "./stage-gate";
