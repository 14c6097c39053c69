import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson } from "@/lib/http";
import { clientAddress } from "@/lib/client-address";
import { parseInput } from "@/lib/validation";
import {
  assertSameOriginWrite,
  getSessionUser,
  publicRoute,
  readWorkshopGuest,
  setGuestCookie,
} from "@/modules/access";
import { joinWorkshop } from "@/modules/workshops";

const bodySchema = z.object({ asMember: z.boolean().default(false) }).loose();

/**
 * Joins the workshop: a guest by display name (answered with the workshop's signed cookie), or a
 * signed-in member of its organisation with their account (`asMember`). Someone already in gets
 * their seat back.
 */
export const POST = publicRoute(async (request) => {
  assertSameOriginWrite(request);
  const code = new URL(request.url).pathname.split("/")[2];
  const existing = await readWorkshopGuest(code);
  if (existing) return NextResponse.json({ code: existing.code, participantId: existing.participantId });
  const body = await readJson(request);
  const { asMember } = parseInput(bodySchema, body);
  const member = asMember ? await getSessionUser() : null;
  if (asMember && !member) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  const joined = await joinWorkshop(code, body, { address: await clientAddress(), member });
  if (joined.cookie) await setGuestCookie(joined.code, joined.cookie);
  return NextResponse.json({ code: joined.code, participantId: joined.participantId });
});
