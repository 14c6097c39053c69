// Public entry of the sharing module for server code: read-only share links.
import "server-only";
export * from "./service";
export * from "./schemas";
