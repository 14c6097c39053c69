// Public entry of the frameworks module for server code (services, server-side types).
// Other modules and the app import from here, not from the files behind it.
import "server-only";
export * from "./service";
export * from "./admin-service";
export * from "./default-framework";
export * from "./spec";
