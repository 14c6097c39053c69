import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { clientAddressFrom } from "@/lib/client-address";
import { isAppError } from "@/lib/errors";
import { servedOverHttps } from "@/lib/security-headers";
import { publicRoute } from "@/modules/access";
import { checkPasscode, passcodeProof, resolveShareLink, SHARE_COOKIE } from "@/modules/sharing";
import { notFound } from "@/lib/errors";

/**
 * The passcode form of a share link (a plain form post: works without JavaScript). A right
 * passcode sets an HTTP-only cookie scoped to the link's path for the browser session; a wrong
 * one, or too many tries (rate-limited per link and per address), goes back with a message.
 */
export const POST = publicRoute<{ token: string }>(async (request, { params }) => {
  const { token } = await params;
  const link = await resolveShareLink(token);
  if (!link) throw notFound();
  const base = `/s/${token}`;
  const back = (error?: string) =>
    NextResponse.redirect(new URL(error ? `${base}?error=${error}` : base, request.url), 303);
  const form = await request.formData().catch(() => null);
  const passcode = form?.get("passcode");
  if (typeof passcode !== "string" || passcode.length === 0 || passcode.length > 100 || passcode.includes("\u0000"))
    return back("missing");
  let right: boolean;
  try {
    right = await checkPasscode(link, passcode, clientAddressFrom(request.headers.get("x-forwarded-for")));
  } catch (error) {
    if (isAppError(error) && error.code === "TOO_MANY_REQUESTS") return back("limit");
    throw error;
  }
  if (!right) return back("wrong");
  const response = back();
  response.cookies.set(SHARE_COOKIE, passcodeProof(link), {
    httpOnly: true,
    sameSite: "lax",
    path: base,
    secure: servedOverHttps(env.NEXTAUTH_URL, new URL(request.url).protocol),
  });
  return response;
});
