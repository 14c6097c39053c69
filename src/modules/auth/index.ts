// Public entry of the auth module for server code (services, server-side types).
// Other modules and the app import from here, not from the files behind it.
import "server-only";
export * from "./accounts";
export * from "./credentials";
export * from "./password-reset";
export * from "./email-verification";
export { ssoEnabled } from "./sso";
export * from "./auth-options";
export { createSession, endSession, endUserSessions, SESSION_MAX_AGE_S } from "./sessions";
