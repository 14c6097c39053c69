import type { RateLimitPolicy } from "@/lib/rate-limit";

// How many invitation mails may leave (each invitation and each resend counts; counters in
// PostgreSQL: src/lib/rate-limit.ts). Per inviting account, so one admin cannot turn Preflight
// into a mailer; per organisation and address, so no one mailbox is flooded from one
// organisation; per client address when it is known (TRUST_PROXY, src/lib/client-address.ts).

const HOUR = 60 * 60_000;

export const INVITE_PER_ACCOUNT: RateLimitPolicy = {
  name: "invite:account",
  limit: 30,
  windowMs: HOUR,
  message: "You have sent too many invitations in the last hour. Try again in {seconds}.",
};

export const INVITE_PER_RECIPIENT: RateLimitPolicy = {
  name: "invite:recipient",
  limit: 5,
  windowMs: HOUR,
  message: "Too many invitations were sent to this address in the last hour. Try again in {seconds}.",
};

export const INVITE_PER_ADDRESS: RateLimitPolicy = {
  name: "invite:address",
  limit: 60,
  windowMs: HOUR,
  message: "Too many invitations sent from your network in the last hour. Try again in {seconds}.",
};
