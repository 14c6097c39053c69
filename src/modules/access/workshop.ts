import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { readJson } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { getSessionUser } from "./context";
import { markDoor } from "./doors";
import { assertSameOriginWrite, routeFailure } from "./route";
import { normalizeWorkshopCode, WORKSHOP_COOKIE, workshopCookiePath } from "./workshop-shared";

/**
 * The door for a live workshop's participants (docs/decisions/0006). A guest has no account: a
 * signed, HTTP-only cookie scoped to the workshop's path (/w/{code}) names their participant row
 * and carries a random token whose SHA-256 hash that row keeps. It opens this one workshop's
 * doors while the workshop is open, and nothing else: every organisation door reads only the
 * next-auth session. A member of the organisation may take part with their account instead.
 */
export interface WorkshopGuest {
  workshopId: string;
  organizationId: string;
  participantId: string;
  displayName: string;
  /** Set when a member of the organisation joined with their account. */
  userId: string | null;
  code: string;
  /** The workshop's facilitator version and vote counter now: a poll that saw them needs nothing more. */
  version: number;
  /** When the participant was last seen (kept fresh by their polling, at most every few seconds). */
  lastSeenAt: Date;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function sign(payload: string): string | null {
  if (!env.NEXTAUTH_SECRET) return null;
  return createHmac("sha256", env.NEXTAUTH_SECRET).update(`workshop:${payload}`).digest("base64url");
}

/** A new guest credential: the cookie value to set and the hash to store on the participant row. */
export function mintGuestToken(): { cookie: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  const signature = sign(token);
  if (!signature) throw new AppError("INTERNAL", "NEXTAUTH_SECRET is not set: guests cannot join.");
  return { cookie: `${token}.${signature}`, tokenHash: sha256(token) };
}

/** The token hash of a cookie whose signature holds, else null. */
function readGuestToken(value: string | undefined): string | null {
  const parts = value?.split(".");
  if (!parts || parts.length !== 2 || parts.some((p) => p.length === 0 || p.length > 100)) return null;
  const [token, signature] = parts as [string, string];
  const expected = sign(token);
  if (!expected) return null;
  const a = Buffer.from(signature);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  return sha256(token);
}

/** Sets the guest cookie for the workshop's pages (path-scoped: it is never sent anywhere else). */
export async function setGuestCookie(code: string, value: string): Promise<void> {
  (await cookies()).set(WORKSHOP_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.NEXTAUTH_URL?.startsWith("https://") ?? false,
    path: workshopCookiePath(code),
    // The workshop's close ends it on the server at once; this only bounds a forgotten cookie.
    maxAge: 60 * 60 * 24,
  });
}

const participantSelect = {
  id: true,
  displayName: true,
  userId: true,
  lastSeenAt: true,
  workshop: { select: { id: true, organizationId: true, code: true, version: true } },
} as const;

/**
 * The participant making this request in the open workshop `code`: by the guest cookie, else by
 * the signed-in member's own participant row. Null when neither holds (or the workshop is not open).
 */
export async function readWorkshopGuest(rawCode: unknown): Promise<WorkshopGuest | null> {
  const code = normalizeWorkshopCode(rawCode);
  if (!code) return null;
  const tokenHash = readGuestToken((await cookies()).get(WORKSHOP_COOKIE)?.value);
  let row = tokenHash
    ? await db.workshopParticipant.findFirst({
        where: { tokenHash, workshop: { openCode: code, status: "OPEN" } },
        select: participantSelect,
      })
    : null;
  if (!row) {
    const user = await getSessionUser();
    const orgIds = user?.memberships.map((m) => m.organizationId) ?? [];
    if (user && orgIds.length > 0) {
      row = await db.workshopParticipant.findFirst({
        where: {
          userId: user.id,
          workshop: { openCode: code, status: "OPEN", organizationId: { in: orgIds } },
        },
        select: participantSelect,
      });
    }
  }
  if (!row) return null;
  return {
    workshopId: row.workshop.id,
    organizationId: row.workshop.organizationId,
    participantId: row.id,
    displayName: row.displayName,
    userId: row.userId,
    code: row.workshop.code,
    version: row.workshop.version,
    lastSeenAt: row.lastSeenAt,
  };
}

/** Why a request without a participant is refused: no such code (404), closed (409), or not joined (401). */
export async function workshopCodeRefusal(code: string | null): Promise<AppError> {
  if (!code) return notFound("No workshop has this code. Check the code on the facilitator's screen.");
  const workshop = await db.workshop.findFirst({
    where: { code },
    orderBy: { createdAt: "desc" },
    select: { status: true },
  });
  if (!workshop) return notFound("No workshop has this code. Check the code on the facilitator's screen.");
  if (workshop.status === "DRAFT")
    return new AppError("CONFLICT", "This workshop has not started yet. Try again when the facilitator opens it.");
  if (workshop.status === "CLOSED")
    return new AppError("CONFLICT", "This workshop has closed. Thank you for taking part.");
  return new AppError("UNAUTHENTICATED", "Join the workshop first: enter your name on its page.");
}

/**
 * The wrapper for a workshop participant's JSON routes under /w/{code}: checks the Origin of
 * writes (403), finds the participant (401 not joined, 404 unknown code, 409 closed), reads and
 * validates the body when declared (400), and answers errors as problem+json.
 */
export function workshopRoute<S extends z.ZodType = z.ZodUnknown>(
  spec: { body?: S },
  handler: (args: { request: Request; guest: WorkshopGuest; body: z.input<S> }) => Promise<Response | unknown>,
) {
  const route = async (request: Request, context: { params: Promise<{ code: string }> }): Promise<Response> => {
    try {
      assertSameOriginWrite(request);
      const { code: raw } = await context.params;
      const guest = await readWorkshopGuest(raw);
      if (!guest) throw await workshopCodeRefusal(normalizeWorkshopCode(raw));
      let body: unknown = undefined;
      if (spec.body) {
        body = await readJson(request);
        parseInput(spec.body, body);
      }
      const result = await handler({ request, guest, body: body as z.input<S> });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return routeFailure(request, error);
    }
  };
  return markDoor(route, { kind: "workshop", name: "route", input: spec.body });
}
