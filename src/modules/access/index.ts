// The server entry of the access module: the three doors (pages, server actions, route
// handlers), the session, and everything client-safe from ./client. See docs/architecture.md.
export { orgAction, userAction, publicAction } from "./action";
export { legacyPath, orgPage, redirectToLastOrg, userPage } from "./page";
export { orgRoute, publicRoute } from "./route";
export { getSessionUser, type OrgContext, type SessionUser, type MembershipSummary } from "./context";
export { SESSION_COOKIES } from "./session";
export { doorOf, type DoorSpec } from "./doors";
export * from "./roles";
export { orgApi, orgPath, LAST_ORG_COOKIE, SLUG_PATTERN } from "./paths";
export {
  mintGuestToken,
  readWorkshopGuest,
  workshopCodeRefusal,
  setGuestCookie,
  workshopRoute,
  type WorkshopGuest,
} from "./workshop";
export * from "./workshop-shared";
export { assertSameOriginWrite } from "./route";
