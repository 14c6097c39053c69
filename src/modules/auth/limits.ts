import type { RateLimitPolicy } from "@/lib/rate-limit";

// How often each way in may be tried (counters in PostgreSQL: src/lib/rate-limit.ts). Per account
// limits stop guessing one password from many addresses; per address limits stop one client
// trying many accounts (they apply only when the address is known: TRUST_PROXY, see
// src/lib/client-address.ts). A successful sign-in clears its account's counter.

const MINUTE = 60_000;

export const SIGN_IN_PER_ACCOUNT: RateLimitPolicy = {
  name: "signin:account",
  limit: 5,
  windowMs: 15 * MINUTE,
  message: "Too many failed attempts for this account. Try again in {seconds}.",
};

export const SIGN_IN_PER_ADDRESS: RateLimitPolicy = {
  name: "signin:address",
  limit: 30,
  windowMs: 15 * MINUTE,
  message: "Too many failed attempts from your network. Try again in {seconds}.",
};

export const SIGN_UP_PER_EMAIL: RateLimitPolicy = {
  name: "signup:email",
  limit: 5,
  windowMs: 60 * MINUTE,
  message: "Too many sign-up attempts for this email address. Try again in {seconds}.",
};

export const SIGN_UP_PER_ADDRESS: RateLimitPolicy = {
  name: "signup:address",
  limit: 10,
  windowMs: 60 * MINUTE,
  message: "Too many accounts created from your network. Try again in {seconds}.",
};

/** Spending a one-time set-password link (per link, and per address). */
export const SET_PASSWORD_PER_LINK: RateLimitPolicy = {
  name: "setpassword:link",
  limit: 10,
  windowMs: 15 * MINUTE,
  message: "Too many attempts with this link. Try again in {seconds}.",
};

export const SET_PASSWORD_PER_ADDRESS: RateLimitPolicy = {
  name: "setpassword:address",
  limit: 30,
  windowMs: 15 * MINUTE,
  message: "Too many attempts from your network. Try again in {seconds}.",
};

/** Changing the password checks the current one: as guessable as signing in. */
export const CHANGE_PASSWORD_PER_ACCOUNT: RateLimitPolicy = {
  name: "changepassword:account",
  limit: 5,
  windowMs: 15 * MINUTE,
  message: "Too many attempts. Try again in {seconds}.",
};

/** Asking for a password-reset mail: per address asked about, and per client address. */
export const RESET_PER_EMAIL: RateLimitPolicy = {
  name: "reset:email",
  limit: 3,
  windowMs: 60 * MINUTE,
  message: "Too many reset requests for this address. Try again in {seconds}.",
};

export const RESET_PER_ADDRESS: RateLimitPolicy = {
  name: "reset:address",
  limit: 20,
  windowMs: 60 * MINUTE,
  message: "Too many reset requests from your network. Try again in {seconds}.",
};

/** Sending the verification mail again. */
export const VERIFY_RESEND_PER_ACCOUNT: RateLimitPolicy = {
  name: "verify:resend",
  limit: 5,
  windowMs: 60 * MINUTE,
  message: "Too many confirmation mails sent. Try again in {seconds}.",
};

/** Spending a verification link (per link, and per client address). */
export const VERIFY_PER_LINK: RateLimitPolicy = {
  name: "verify:link",
  limit: 10,
  windowMs: 15 * MINUTE,
  message: "Too many attempts with this link. Try again in {seconds}.",
};

export const VERIFY_PER_ADDRESS: RateLimitPolicy = {
  name: "verify:address",
  limit: 30,
  windowMs: 15 * MINUTE,
  message: "Too many attempts from your network. Try again in {seconds}.",
};

/** Creating an account through an invitation link (per link; the per-address sign-up limit applies too). */
export const INVITATION_SIGN_UP_PER_LINK: RateLimitPolicy = {
  name: "signup:invitation",
  limit: 10,
  windowMs: 15 * MINUTE,
  message: "Too many attempts with this invitation. Try again in {seconds}.",
};
