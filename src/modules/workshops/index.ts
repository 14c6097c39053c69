// Public entry of the workshops module for server code (services, server-side types).
import "server-only";
export * from "./service";
export * from "./live";
export * from "./close";
export * from "./schemas";
export * from "./distribution";
export type * from "./types";
