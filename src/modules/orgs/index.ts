// Public entry of the orgs module for server code (services, server-side types).
// Other modules and the app import from here, not from the files behind it.
import "server-only";
export * from "./service";
export * from "./invitations";
