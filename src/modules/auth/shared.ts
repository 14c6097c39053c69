// Public entry of the auth module for code on either side (schemas, constants, small
// presentational components). Nothing here may import server-only code.
export * from "./schemas";
export * from "./password-rules";
