// The access module's entry for code that runs on both sides (client components, schemas):
// roles and URLs inside an organisation. Pure: no server-only imports, no hooks.
export * from "./roles";
export { orgApi, orgPath, LAST_ORG_COOKIE, SLUG_PATTERN } from "./paths";
export type { MembershipSummary } from "./context";
export * from "./workshop-shared";
