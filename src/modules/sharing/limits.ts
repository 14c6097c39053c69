// Share links' limits, in a file of their own: the "Share…" dialog needs these numbers in the
// browser, and importing them from schemas.ts shipped all of zod (30 kB gzipped) to the dashboard.
export const SHARE_DEFAULT_DAYS = 30;
export const SHARE_MAX_DAYS = 365;
export const PASSCODE_MIN = 4;
export const PASSCODE_MAX = 100;
