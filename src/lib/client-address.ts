import "server-only";
import { headers } from "next/headers";
import { isIP } from "node:net";
import { env } from "@/lib/env";

/**
 * The client's IP address, for per-address rate limits, or null when it cannot be known.
 *
 * Next's route handlers and server actions do not expose the socket's address, so the only
 * source is `X-Forwarded-For` — which anyone can send. It is believed only with
 * TRUST_PROXY=true, which says one reverse proxy stands in front of the app and appends the
 * address it saw: its entry is the *last* one (earlier entries are whatever the client wrote).
 * Without TRUST_PROXY the address is unknown and per-address limits are skipped; per-account
 * limits still hold. Keying them all on "unknown" instead would let one person lock everyone out.
 */
export function clientAddressFrom(
  forwardedFor: string | null | undefined,
  trustProxy = env.TRUST_PROXY,
): string | null {
  if (!trustProxy || !forwardedFor) return null;
  const last = forwardedFor.split(",").at(-1)?.trim() ?? "";
  return isIP(last) ? last : null;
}

/** The address of the request being handled (see clientAddressFrom). */
export async function clientAddress(): Promise<string | null> {
  return clientAddressFrom((await headers()).get("x-forwarded-for"));
}
