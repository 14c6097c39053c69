// Public entry of the demo module for server code (services, server-side types).
// Other modules and the app import from here, not from the files behind it.
import "server-only";
export * from "./demo-data";
export * from "./factories";
export * from "./scale-seed";
export * from "./seed-demo";
