import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import { enforceRateLimits, type RateLimitPolicy } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";
import {
  assertCan,
  mintGuestToken,
  normalizeWorkshopCode,
  workshopCodeRefusal,
  type Actor,
  type SessionUser,
  type WorkshopGuest,
} from "@/modules/access";
import { loadVersionContent } from "@/modules/frameworks";
import { distributionOf } from "./distribution";
import { controlSchema, joinSchema, voteSchema } from "./schemas";
import { criteriaInOrder, inOrg } from "./service";
import type { Agreement, FacilitatorState, ItemState, LiveItem, OverviewItem, ParticipantState } from "./types";

/** At most this many people in one workshop (guests and members). */
export const MAX_PARTICIPANTS = 200;
/** A participant counts as in the room if seen this recently (their screen polls every half second). */
const PRESENT_MS = 60_000;
/** lastSeenAt is refreshed at most this often per participant. */
const SEEN_REFRESH_MS = 10_000;

const JOIN_PER_ADDRESS: RateLimitPolicy = {
  name: "workshop-join:address",
  limit: 30,
  windowMs: 10 * 60_000,
  message: "Too many attempts to join from this network. Try again in {seconds}.",
};
const JOIN_PER_CODE: RateLimitPolicy = {
  name: "workshop-join:code",
  limit: 400,
  windowMs: 10 * 60_000,
  message: "Too many people tried to join this workshop at once. Try again in {seconds}.",
};

type Db = Prisma.TransactionClient;

// ─── Reading the live state ──────────────────────────────────────────────────────────────────

type ItemRow = {
  id: string;
  position: number;
  pilotId: string;
  criterionKey: string;
  revealedAt: Date | null;
  visitedAt: Date | null;
  agreedAt: Date | null;
  agreedLevel: number | null;
  notApplicable: boolean;
  naReason: string | null;
  note: string;
  verifyWithEvidence: boolean;
};

/** The item fields every view of a workshop reads (live state, summary, close). */
export const itemSelect = {
  id: true,
  position: true,
  pilotId: true,
  criterionKey: true,
  revealedAt: true,
  visitedAt: true,
  agreedAt: true,
  agreedLevel: true,
  notApplicable: true,
  naReason: true,
  note: true,
  verifyWithEvidence: true,
} as const;

export function agreementOf(item: ItemRow): Agreement | null {
  if (!item.agreedAt) return null;
  return {
    level: item.agreedLevel,
    notApplicable: item.notApplicable,
    naReason: item.naReason ?? "",
    note: item.note,
    verifyWithEvidence: item.verifyWithEvidence,
  };
}

interface WorkshopRow {
  id: string;
  organizationId: string;
  title: string;
  status: "DRAFT" | "OPEN" | "CLOSED";
  code: string;
  anonymous: boolean;
  currentPosition: number;
  version: number;
  voteVersion: number;
  frameworkVersionId: string;
}

const workshopSelect = {
  id: true,
  organizationId: true,
  title: true,
  status: true,
  code: true,
  anonymous: true,
  currentPosition: true,
  version: true,
  voteVersion: true,
  frameworkVersionId: true,
} as const;

/** The framework text of a version, by criterion key (published content is cached per process). */
async function criterionTexts(organizationId: string, versionId: string) {
  const content = await loadVersionContent({ organizationId, userId: "", role: "VIEWER" }, versionId);
  return new Map(
    criteriaInOrder(content).map((c) => [
      c.key,
      {
        key: c.key,
        title: c.title,
        pillarTitle: c.pillarTitle,
        whyItMatters: c.whyItMatters,
        guidance: c.guidance,
        levels: c.levels,
      },
    ]),
  );
}

async function pilotNames(ids: string[], organizationId: string): Promise<Map<string, string>> {
  const rows = await db.pilot.findMany({
    where: { id: { in: [...new Set(ids)] }, organizationId },
    select: { id: true, name: true },
  });
  return new Map(rows.map((r) => [r.id, r.name]));
}

interface CurrentItem {
  live: LiveItem | null;
  votes: { participantId: string; name: string; level: number | null; comment: string }[];
}

async function currentItem(w: WorkshopRow): Promise<CurrentItem> {
  const item = await db.workshopItem.findUnique({
    where: { workshopId_position: { workshopId: w.id, position: w.currentPosition } },
    select: {
      ...itemSelect,
      votes: {
        orderBy: { updatedAt: "asc" },
        select: { participantId: true, level: true, comment: true, participant: { select: { displayName: true } } },
      },
    },
  });
  if (!item) return { live: null, votes: [] };
  const [texts, names] = await Promise.all([
    criterionTexts(w.organizationId, w.frameworkVersionId),
    pilotNames([item.pilotId], w.organizationId),
  ]);
  const criterion = texts.get(item.criterionKey);
  if (!criterion) throw new Error(`Workshop ${w.id}: criterion ${item.criterionKey} is not in its version.`);
  const votes = item.votes.map((v) => ({
    participantId: v.participantId,
    name: v.participant.displayName,
    level: v.level,
    comment: v.comment,
  }));
  return {
    live: {
      id: item.id,
      position: item.position,
      pilotName: names.get(item.pilotId) ?? "",
      criterion,
      revealed: item.revealedAt !== null,
      votedCount: votes.length,
      distribution: item.revealedAt ? distributionOf(votes.map((v) => v.level)) : null,
      agreement: agreementOf(item),
    },
    votes,
  };
}

const itemCount = (workshopId: string) => db.workshopItem.count({ where: { workshopId } });

/** Keeps the participant counted as present; one cheap write every few seconds at most. */
async function markSeen(guest: WorkshopGuest): Promise<void> {
  if (Date.now() - guest.lastSeenAt.getTime() < SEEN_REFRESH_MS) return;
  await db.workshopParticipant.update({ where: { id: guest.participantId }, data: { lastSeenAt: new Date() } });
}

/** What every participant of a workshop sees alike at one version (their own vote aside). */
type SharedState = Omit<ParticipantState, "me">;

/**
 * The shared part of the participants' state, computed once per workshop version and process:
 * when the facilitator moves on, fifty phones ask within the same half second. Keyed by the
 * version read from the database, so no server ever serves a state older than the version it saw
 * (a cache, not state: any server can answer any poll). What changes without a new version — the
 * vote count while voting — is left out of it (phones do not show it).
 */
const sharedStates = new Map<string, Promise<SharedState>>();
const SHARED_STATES_KEPT = 200;

async function sharedState(workshopId: string): Promise<SharedState> {
  const w = await db.workshop.findUnique({ where: { id: workshopId }, select: workshopSelect });
  if (!w) throw notFound("Workshop not found.");
  const key = `${w.id}:${w.version}`;
  let shared = sharedStates.get(key);
  if (!shared) {
    shared = (async () => {
      const [{ live }, total] = await Promise.all([currentItem(w), itemCount(w.id)]);
      return {
        version: w.version,
        status: w.status,
        title: w.title,
        total,
        item: live && { ...live, votedCount: 0 },
      };
    })();
    sharedStates.set(key, shared);
    shared.catch(() => sharedStates.delete(key));
    if (sharedStates.size > SHARED_STATES_KEPT) sharedStates.delete(sharedStates.keys().next().value!);
  }
  return shared;
}

/**
 * What the participant's phone shows, or null when `since` is the workshop's version already
 * (the guest lookup read it, so an unchanged poll costs that one query).
 */
export async function getParticipantState(
  guest: WorkshopGuest,
  since: number | null,
): Promise<ParticipantState | null> {
  await markSeen(guest);
  if (since !== null && since === guest.version) return null;
  const shared = await sharedState(guest.workshopId);
  const mine = shared.item
    ? await db.workshopVote.findUnique({
        where: { itemId_participantId: { itemId: shared.item.id, participantId: guest.participantId } },
        select: { level: true, comment: true },
      })
    : null;
  return { ...shared, me: { displayName: guest.displayName, vote: mine } };
}

/** How often a server re-reads the version of a workshop someone is waiting on. */
const WATCH_MS = 100;
/** How long a participant's request may wait for a change before answering "no change". */
export const LONG_POLL_MS = 20_000;

type Watcher = { waiters: Set<(version: number) => void>; timer: ReturnType<typeof setInterval> | null };
const watchers = new Map<string, Watcher>();

/**
 * Resolves when the workshop's version is no longer `since` (or after `timeoutMs`, or when the
 * request is aborted). All the requests one server holds for a workshop share one reader of its
 * version (a primary-key lookup every WATCH_MS while anyone waits): the database stays the only
 * truth, so a change made through any server is seen by every server within WATCH_MS.
 */
function waitForChange(workshopId: string, since: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    let watcher = watchers.get(workshopId);
    if (!watcher) {
      watcher = { waiters: new Set(), timer: null };
      watchers.set(workshopId, watcher);
    }
    const w = watcher;
    const done = () => {
      clearTimeout(timeout);
      signal?.removeEventListener("abort", done);
      w.waiters.delete(check);
      if (w.waiters.size === 0) {
        if (w.timer) clearInterval(w.timer);
        if (watchers.get(workshopId) === w) watchers.delete(workshopId);
      }
      resolve();
    };
    const check = (version: number) => {
      if (version !== since) done();
    };
    const timeout = setTimeout(done, timeoutMs);
    if (signal?.aborted) return done();
    signal?.addEventListener("abort", done);
    w.waiters.add(check);
    if (!w.timer) {
      let reading = false;
      w.timer = setInterval(async () => {
        if (reading) return;
        reading = true;
        try {
          const row = await db.workshop.findUnique({ where: { id: workshopId }, select: { version: true } });
          for (const waiter of [...w.waiters]) waiter(row?.version ?? -1);
        } catch {
          // A failed read: the next tick tries again; waiters still time out.
        } finally {
          reading = false;
        }
      }, WATCH_MS);
    }
  });
}

/**
 * Long polling: like getParticipantState, but when nothing changed since `since` it waits (up to
 * `waitMs`) for the facilitator's next move and answers as soon as it happens; null when the wait
 * ran out with nothing new.
 */
export async function waitForParticipantState(
  guest: WorkshopGuest,
  since: number,
  options: { waitMs?: number; signal?: AbortSignal } = {},
): Promise<ParticipantState | null> {
  const now = await getParticipantState(guest, since);
  if (now) return now;
  await waitForChange(guest.workshopId, since, options.waitMs ?? LONG_POLL_MS, options.signal);
  const after = await getParticipantState({ ...guest, lastSeenAt: new Date() }, null);
  return after && after.version !== since ? after : null;
}

function stateOf(item: ItemRow, current: number): ItemState {
  if (item.agreedAt) return "agreed";
  if (item.position === current) return "current";
  if (item.revealedAt) return "revealed";
  return item.visitedAt ? "skipped" : "pending";
}

const stateKey = (w: { version: number; voteVersion: number }) => `${w.version}.${w.voteVersion}`;

/** The presenter's view, or null when `since` equals its key (nothing changed). */
export async function getFacilitatorState(
  actor: Actor,
  workshopId: string,
  since: string | null = null,
): Promise<FacilitatorState | null> {
  assertCan(actor, "assessment:write");
  const w = await db.workshop.findFirst({ where: inOrg(actor, workshopId), select: workshopSelect });
  if (!w) throw notFound("Workshop not found.");
  if (since !== null && since === stateKey(w)) return null;
  const [{ live, votes }, items, present] = await Promise.all([
    currentItem(w),
    db.workshopItem.findMany({ where: { workshopId: w.id }, orderBy: { position: "asc" }, select: itemSelect }),
    db.workshopParticipant.count({
      where: { workshopId: w.id, lastSeenAt: { gte: new Date(Date.now() - PRESENT_MS) } },
    }),
  ]);
  const [texts, names] = await Promise.all([
    criterionTexts(w.organizationId, w.frameworkVersionId),
    pilotNames(
      items.map((i) => i.pilotId),
      w.organizationId,
    ),
  ]);
  const overview: OverviewItem[] = items.map((i) => ({
    id: i.id,
    position: i.position,
    pilotName: names.get(i.pilotId) ?? "",
    criterionTitle: texts.get(i.criterionKey)?.title ?? i.criterionKey,
    pillarTitle: texts.get(i.criterionKey)?.pillarTitle ?? "",
    state: stateOf(i, w.currentPosition),
    agreement: agreementOf(i),
  }));
  return {
    key: stateKey(w),
    version: w.version,
    status: w.status,
    title: w.title,
    code: w.code,
    anonymous: w.anonymous,
    total: items.length,
    participantCount: Math.max(present, votes.length),
    item: live,
    votes: live?.revealed
      ? votes.map((v) => ({ name: w.anonymous ? null : v.name, level: v.level, comment: v.comment }))
      : [],
    items: overview,
  };
}

// ─── The facilitator's moves ─────────────────────────────────────────────────────────────────

/** Locks the open workshop's row for this transaction and bumps its version; conflict when not open. */
async function lockOpen(tx: Db, actor: Actor, workshopId: string): Promise<{ currentPosition: number }> {
  const rows = await tx.$queryRaw<{ currentPosition: number }[]>`
    UPDATE "Workshop" SET "version" = "version" + 1
    WHERE id = ${workshopId} AND "organizationId" = ${actor.organizationId} AND status = 'OPEN'
    RETURNING "currentPosition"`;
  if (rows.length === 1) return rows[0]!;
  const w = await tx.workshop.findFirst({ where: inOrg(actor, workshopId), select: { status: true } });
  if (!w) throw notFound("Workshop not found.");
  throw conflict(w.status === "CLOSED" ? "This workshop has closed." : "Open the workshop first.");
}

async function itemOf(tx: Db, workshopId: string, itemId: string) {
  const item = await tx.workshopItem.findFirst({ where: { id: itemId, workshopId }, select: itemSelect });
  if (!item) throw notFound("Item not found.");
  return item;
}

/**
 * One move of the facilitator, serialised with every other move and vote by the workshop row's
 * lock: go to an item, reveal the current item's votes (no vote can change after), reopen
 * voting, or record the agreed level (or N/A with a reason), a note and "verify with evidence".
 */
export async function control(actor: Actor, workshopId: string, input: unknown): Promise<void> {
  assertCan(actor, "assessment:write");
  const op = parseInput(controlSchema, input);
  await db.$transaction(async (tx) => {
    const { currentPosition } = await lockOpen(tx, actor, workshopId);
    switch (op.op) {
      case "goto": {
        const total = await tx.workshopItem.count({ where: { workshopId } });
        if (op.position >= total) {
          const message = `There are ${total} items.`;
          throw new AppError("BAD_REQUEST", message, { position: [message] });
        }
        await tx.workshop.update({ where: { id: workshopId }, data: { currentPosition: op.position } });
        await tx.workshopItem.updateMany({
          where: { workshopId, position: op.position, visitedAt: null },
          data: { visitedAt: new Date() },
        });
        return;
      }
      case "reveal": {
        const item = await itemOf(tx, workshopId, op.itemId);
        if (item.position !== currentPosition) throw conflict("Only the item on screen can be revealed.");
        if (!item.revealedAt)
          await tx.workshopItem.update({ where: { id: item.id }, data: { revealedAt: new Date() } });
        return;
      }
      case "reopen": {
        const item = await itemOf(tx, workshopId, op.itemId);
        if (item.position !== currentPosition) throw conflict("Only the item on screen can be voted on again.");
        await tx.workshopItem.update({ where: { id: item.id }, data: { revealedAt: null } });
        return;
      }
      case "agree": {
        const item = await itemOf(tx, workshopId, op.itemId);
        if (!item.revealedAt) throw conflict("Reveal the votes before recording what the room agreed.");
        if (op.notApplicable && !op.naReason) {
          const message = "Say why this criterion does not apply.";
          throw new AppError("BAD_REQUEST", message, { naReason: [message] });
        }
        if (!op.notApplicable && op.level === null) {
          const message = "Choose the agreed level, or mark the criterion not applicable.";
          throw new AppError("BAD_REQUEST", message, { level: [message] });
        }
        await tx.workshopItem.update({
          where: { id: item.id },
          data: {
            agreedLevel: op.notApplicable ? null : op.level,
            notApplicable: op.notApplicable,
            naReason: op.notApplicable ? op.naReason : null,
            note: op.note,
            verifyWithEvidence: op.verifyWithEvidence,
            agreedAt: new Date(),
          },
        });
        return;
      }
    }
  });
}

// ─── Participants ────────────────────────────────────────────────────────────────────────────

/**
 * Records (or changes) the participant's vote on the item on screen. The workshop row's lock
 * orders it with the facilitator's moves: a vote on an item no longer on screen, or already
 * revealed, is refused (409) and changes nothing.
 */
export async function castVote(
  guest: WorkshopGuest,
  input: unknown,
): Promise<{ level: number | null; comment: string }> {
  const data = parseInput(voteSchema, input);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ currentPosition: number }[]>`
      UPDATE "Workshop" SET "voteVersion" = "voteVersion" + 1
      WHERE id = ${guest.workshopId} AND status = 'OPEN'
      RETURNING "currentPosition"`;
    if (rows.length !== 1) throw conflict("This workshop has closed. Thank you for taking part.");
    const item = await tx.workshopItem.findFirst({
      where: { id: data.itemId, workshopId: guest.workshopId },
      select: { position: true, revealedAt: true },
    });
    if (!item) throw notFound("Item not found.");
    if (item.position !== rows[0]!.currentPosition)
      throw conflict("The facilitator has moved on: your screen now shows the current item.");
    if (item.revealedAt) throw conflict("The votes are revealed: they can no longer change.");
    const vote = await tx.workshopVote.upsert({
      where: { itemId_participantId: { itemId: data.itemId, participantId: guest.participantId } },
      create: {
        workshopId: guest.workshopId,
        itemId: data.itemId,
        participantId: guest.participantId,
        level: data.level,
        comment: data.comment,
      },
      update: { level: data.level, comment: data.comment },
      select: { level: true, comment: true },
    });
    await tx.workshopParticipant.update({ where: { id: guest.participantId }, data: { lastSeenAt: new Date() } });
    return vote;
  });
}

/** What the join page needs to know about a code before anyone has joined. */
export async function findWorkshopByCode(
  rawCode: unknown,
): Promise<{ code: string; title: string; organizationId: string } | AppError> {
  const code = normalizeWorkshopCode(rawCode);
  const w = code
    ? await db.workshop.findUnique({
        where: { openCode: code },
        select: { code: true, title: true, organizationId: true, status: true },
      })
    : null;
  if (!w || w.status !== "OPEN") return workshopCodeRefusal(code);
  return w;
}

/**
 * Joins the open workshop `code`: a guest by display name (the answer carries the cookie to set),
 * or, with `member`, a signed-in member of its organisation with their own account. Rate-limited
 * per client address and per workshop; at most MAX_PARTICIPANTS people.
 */
export async function joinWorkshop(
  rawCode: unknown,
  input: unknown,
  who: { address: string | null; member?: SessionUser | null },
): Promise<{ participantId: string; code: string; cookie: string | null }> {
  const code = normalizeWorkshopCode(rawCode);
  await enforceRateLimits([
    { policy: JOIN_PER_ADDRESS, subject: who.address },
    { policy: JOIN_PER_CODE, subject: code },
  ]);
  const found = await findWorkshopByCode(code);
  if (found instanceof AppError) throw found;
  const membership = who.member?.memberships.find((m) => m.organizationId === found.organizationId);
  if (who.member && !membership) throw notFound("You are not a member of this workshop's organisation.");
  const displayName = who.member ? who.member.name : parseInput(joinSchema, input).displayName;

  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Workshop" WHERE "openCode" = ${found.code} AND status = 'OPEN' FOR UPDATE`;
    const workshopId = locked[0]?.id;
    if (!workshopId) throw conflict("This workshop has closed. Thank you for taking part.");
    if (who.member) {
      const seat = await tx.workshopParticipant.findUnique({
        where: { workshopId_userId: { workshopId, userId: who.member.id } },
        select: { id: true },
      });
      if (seat) return { participantId: seat.id, code: found.code, cookie: null };
    }
    const count = await tx.workshopParticipant.count({ where: { workshopId } });
    if (count >= MAX_PARTICIPANTS)
      throw conflict(`This workshop is full: it holds at most ${MAX_PARTICIPANTS} participants.`);
    const token = who.member ? null : mintGuestToken();
    const row = await tx.workshopParticipant.create({
      data: { workshopId, displayName, userId: who.member?.id ?? null, tokenHash: token?.tokenHash ?? null },
      select: { id: true },
    });
    return { participantId: row.id, code: found.code, cookie: token?.cookie ?? null };
  });
}
