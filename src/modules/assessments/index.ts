// Public entry of the assessments module for server code (services, server-side types).
// Other modules and the app import from here, not from the files behind it.
import "server-only";
export * from "./service";
export * from "./snapshot";
export * from "./schemas";
export * from "./progress";
export * from "./changes";
