/**
 * Join codes of live workshops: six characters from an alphabet without the look-alikes
 * 0/O and 1/I, so a code read off a projector is typed right the first time.
 */
export const WORKSHOP_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const WORKSHOP_CODE_LENGTH = 6;
const CODE_PATTERN = new RegExp(`^[${WORKSHOP_CODE_ALPHABET}]{${WORKSHOP_CODE_LENGTH}}$`);

/** The guest cookie's name; its path (/w/{code}) scopes it to one workshop. */
export const WORKSHOP_COOKIE = "preflight-workshop";

/** A code as typed (any case, spaces, a dash) in its canonical form, or null when it cannot be one. */
export function normalizeWorkshopCode(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 40) return null;
  const code = raw.replace(/[\s-]/g, "").toUpperCase();
  return CODE_PATTERN.test(code) ? code : null;
}

/** The participant's page of a workshop, and the only path its guest cookie is sent to. */
export const workshopCookiePath = (code: string) => `/w/${code}`;
export const workshopJoinPath = workshopCookiePath;
