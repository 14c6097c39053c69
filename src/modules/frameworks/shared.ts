// Public entry of the frameworks module for code on either side (schemas, constants, small
// presentational components). Nothing here may import server-only code.
export * from "./spec";
export * from "./admin-schemas";
