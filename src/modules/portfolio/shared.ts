// Public entry of the portfolio module for code on either side (schemas, constants, small
// presentational components). Nothing here may import server-only code.
export * from "./filters";
