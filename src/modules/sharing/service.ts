import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import bcrypt from "bcryptjs";
import type { ShareLinkKind } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { invalid, notFound } from "@/lib/errors";
import { enforceRateLimits, type RateLimitPolicy } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";
import { assertCan, type Actor } from "@/modules/access/shared";
import { parsePortfolioFilters, type PortfolioFilters } from "@/modules/portfolio/shared";
import { createShareLinkSchema, revokeShareLinkSchema, SHARE_TOKEN_PATTERN } from "./schemas";

const DAY = 86_400_000;

/** Only the SHA-256 of a token is stored: a database leak gives no working link. */
export const hashShareToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export interface CreatedShareLink {
  id: string;
  /** Shown once: it is not stored. */
  token: string;
  path: string;
  expiresAt: Date;
}

/**
 * A read-only link to one view: a pilot's report, or the dashboard with the given filters (parsed
 * and stored in canonical form, so the link's view is fixed). Admins only; the token has 256
 * random bits, is returned once and stored hashed; an optional passcode is stored as bcrypt.
 */
export async function createShareLink(actor: Actor, rawInput: unknown, now = new Date()): Promise<CreatedShareLink> {
  assertCan(actor, "share:manage");
  const input = parseInput(createShareLinkSchema, rawInput);
  let pilotId: string | null = null;
  let filters: PortfolioFilters | Record<string, never> = {};
  if (input.kind === "PILOT_REPORT") {
    if (!input.pilotId) throw invalid({ pilotId: ["Choose the pilot to share."] });
    const pilot = await db.pilot.findFirst({
      where: { id: input.pilotId, organizationId: actor.organizationId, archivedAt: null },
      select: { id: true },
    });
    if (!pilot) throw notFound("Pilot not found.");
    pilotId = pilot.id;
  } else {
    filters = parsePortfolioFilters(new URLSearchParams(input.filters ?? ""));
  }
  const passcode = input.passcode?.trim() ? input.passcode.trim() : null;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY);
  const link = await db.shareLink.create({
    data: {
      organizationId: actor.organizationId,
      kind: input.kind,
      pilotId,
      filters: filters as object,
      tokenHash: hashShareToken(token),
      passcodeHash: passcode ? await bcrypt.hash(passcode, 10) : null,
      expiresAt,
      createdById: actor.userId,
      createdAt: now,
    },
    select: { id: true },
  });
  return { id: link.id, token, path: `/s/${token}`, expiresAt };
}

export type ShareLinkStatus = "ACTIVE" | "EXPIRED" | "REVOKED";

export interface ShareLinkRow {
  id: string;
  kind: ShareLinkKind;
  pilot: { id: string; name: string } | null;
  filters: PortfolioFilters | null;
  hasPasscode: boolean;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastOpenedAt: Date | null;
  openCount: number;
  status: ShareLinkStatus;
}

const statusOf = (l: { revokedAt: Date | null; expiresAt: Date }, now: Date): ShareLinkStatus =>
  l.revokedAt ? "REVOKED" : l.expiresAt <= now ? "EXPIRED" : "ACTIVE";

/** The organisation's share links, newest first (admins only: a link's view is theirs to manage). */
export async function listShareLinks(actor: Actor, now = new Date()): Promise<ShareLinkRow[]> {
  assertCan(actor, "share:manage");
  const rows = await db.shareLink.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: {
      id: true,
      kind: true,
      filters: true,
      passcodeHash: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      lastOpenedAt: true,
      openCount: true,
      pilot: { select: { id: true, name: true } },
      createdBy: { select: { name: true } },
    },
  });
  return rows.map(({ passcodeHash, createdBy, filters, ...r }) => ({
    ...r,
    filters: r.kind === "DASHBOARD" ? parsePortfolioFilters(filters) : null,
    hasPasscode: passcodeHash !== null,
    createdBy: createdBy?.name ?? null,
    status: statusOf(r, now),
  }));
}

/** Revokes a link at once; another organisation's id is 404. Revoking twice changes nothing. */
export async function revokeShareLink(actor: Actor, rawInput: unknown, now = new Date()): Promise<void> {
  assertCan(actor, "share:manage");
  const { id } = parseInput(revokeShareLinkSchema, rawInput);
  const { count } = await db.shareLink.updateMany({
    where: { id, organizationId: actor.organizationId, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count > 0) return;
  const exists = await db.shareLink.findFirst({
    where: { id, organizationId: actor.organizationId },
    select: { id: true },
  });
  if (!exists) throw notFound("Share link not found.");
}

/** A valid link, as the public share pages use it. */
export interface ResolvedShareLink {
  id: string;
  kind: ShareLinkKind;
  pilotId: string | null;
  filters: PortfolioFilters;
  passcodeHash: string | null;
  expiresAt: Date;
  organization: { id: string; name: string; currency: string };
  createdById: string | null;
}

/**
 * The link a token opens, or null — unknown, malformed, expired, revoked, or a pilot that was
 * archived — all alike (the pages answer 404). One lookup by the token's hash.
 */
export async function resolveShareLink(token: unknown, now = new Date()): Promise<ResolvedShareLink | null> {
  if (typeof token !== "string" || !SHARE_TOKEN_PATTERN.test(token)) return null;
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: {
      id: true,
      kind: true,
      pilotId: true,
      filters: true,
      passcodeHash: true,
      expiresAt: true,
      revokedAt: true,
      createdById: true,
      organization: { select: { id: true, name: true, currency: true } },
      pilot: { select: { archivedAt: true, organizationId: true } },
    },
  });
  if (!link || statusOf(link, now) !== "ACTIVE") return null;
  if (
    link.kind === "PILOT_REPORT" &&
    (!link.pilot || link.pilot.archivedAt || link.pilot.organizationId !== link.organization.id)
  )
    return null;
  const { pilot: _pilot, revokedAt: _revoked, ...rest } = link;
  return { ...rest, filters: parsePortfolioFilters(link.filters) };
}

/** Counts one opening, atomically (concurrent opens are each counted). */
export async function recordShareOpen(id: string): Promise<void> {
  await db.$executeRaw`UPDATE "ShareLink" SET "openCount" = "openCount" + 1, "lastOpenedAt" = now() WHERE "id" = ${id}`;
}

/**
 * The reader a share link acts as: a viewer of the link's organisation and nothing more. It is
 * used only to build the link's one view (the report model), never handed to a door.
 */
export function shareReader(link: ResolvedShareLink): Actor & { organizationName: string; currency: string } {
  return {
    userId: link.createdById ?? "share-link",
    organizationId: link.organization.id,
    role: "VIEWER",
    organizationName: link.organization.name,
    currency: link.organization.currency,
  };
}

// ---- Passcodes

const MINUTE = 60_000;
export const PASSCODE_PER_LINK: RateLimitPolicy = {
  name: "share:passcode:link",
  limit: 10,
  windowMs: 15 * MINUTE,
  message: "Too many wrong passcodes for this link. Try again in {seconds}.",
};
export const PASSCODE_PER_ADDRESS: RateLimitPolicy = {
  name: "share:passcode:address",
  limit: 30,
  windowMs: 15 * MINUTE,
  message: "Too many attempts from your network. Try again in {seconds}.",
};

/** The cookie that remembers a correct passcode, scoped to the link's path, for the browser session. */
export const SHARE_COOKIE = "preflight-share";

/** The cookie's value: an HMAC of the link under the server's secret and the passcode's hash (a new passcode voids it). */
export function passcodeProof(link: Pick<ResolvedShareLink, "id" | "passcodeHash">): string {
  return createHmac("sha256", `${env.NEXTAUTH_SECRET ?? ""}\u0000${link.passcodeHash ?? ""}`)
    .update(`share:${link.id}`)
    .digest("base64url");
}

export function isPasscodeProof(
  link: Pick<ResolvedShareLink, "id" | "passcodeHash">,
  value: string | undefined,
): boolean {
  if (!link.passcodeHash) return true;
  if (!value) return false;
  const expected = Buffer.from(passcodeProof(link));
  const given = Buffer.from(value);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Checks a passcode, counting the attempt against the link and the client's address (429 past
 * the limit, before the passcode is even compared). True when it matches.
 */
export async function checkPasscode(
  link: Pick<ResolvedShareLink, "id" | "passcodeHash">,
  passcode: string,
  address: string | null,
): Promise<boolean> {
  if (!link.passcodeHash) return true;
  await enforceRateLimits([
    { policy: PASSCODE_PER_LINK, subject: link.id },
    { policy: PASSCODE_PER_ADDRESS, subject: address },
  ]);
  return bcrypt.compare(passcode.trim(), link.passcodeHash);
}
