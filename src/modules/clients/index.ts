// Public entry of the clients module for server code: every organisation of a person at once
// (the consultant's home), and reusing a checklist across organisations.
import "server-only";
export * from "./service";
