/**
 * Votes from a whole room at once, on PostgreSQL, where the db client has a pool of connections
 * and the writes really run in parallel (PGlite would serialise them on its one connection and
 * hide a lost update). Each vote and each facilitator move takes the workshop row's lock, so
 * none is lost and none lands after the reveal.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readWorkshopGuest, WORKSHOP_COOKIE, type WorkshopGuest } from "@/modules/access";
import { createAccount, createTestPilot } from "@/modules/demo";
import { currentPublishedVersionId, DEFAULT_FRAMEWORK } from "@/modules/frameworks";
import { withRequest } from "../../../tests/support/next-headers";
import {
  castVote,
  control,
  createWorkshop,
  getFacilitatorState,
  getWorkshop,
  joinWorkshop,
  openWorkshop,
} from "./index";

const databaseUrl = (globalThis as { __testDatabaseUrl?: string }).__testDatabaseUrl;
if (!databaseUrl) throw new Error("*.pg.test.ts files run on PostgreSQL only (TEST_DATABASE_URL)");

async function room(size: number) {
  const owner = await createAccount();
  const pilot = await createTestPilot(owner);
  const { id } = await createWorkshop(owner, {
    title: "Busy room",
    date: "2026-11-24",
    pilotIds: [pilot.id],
    frameworkVersionId: await currentPublishedVersionId(owner),
    criterionKeys: [DEFAULT_FRAMEWORK.pillars[0]!.criteria[0]!.key],
  });
  await openWorkshop(owner, id);
  const { code } = await getWorkshop(owner, id);
  const guests: WorkshopGuest[] = [];
  for (let i = 0; i < size; i++) {
    const { cookie } = await joinWorkshop(code, { displayName: `P${i}` }, { address: null });
    guests.push((await withRequest({ cookies: { [WORKSHOP_COOKIE]: cookie! } }, () => readWorkshopGuest(code)))!);
  }
  const itemId = (await getFacilitatorState(owner, id))!.item!.id;
  return { owner, id, guests, itemId };
}

describe("votes under concurrency", () => {
  it("50 participants voting at once: every vote is recorded, none lost", async () => {
    const { owner, id, guests, itemId } = await room(50);
    const before = await db.workshop.findUniqueOrThrow({ where: { id }, select: { voteVersion: true } });
    const results = await Promise.allSettled(guests.map((g, i) => castVote(g, { itemId, level: i % 4 })));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const votes = await db.workshopVote.findMany({ where: { itemId }, select: { level: true } });
    expect(votes).toHaveLength(50);
    expect(votes.filter((v) => v.level === 3)).toHaveLength(12);
    const after = await db.workshop.findUniqueOrThrow({ where: { id }, select: { voteVersion: true } });
    expect(after.voteVersion - before.voteVersion).toBe(50);
    expect((await getFacilitatorState(owner, id))!.item!.votedCount).toBe(50);

    // Everyone changes their vote at once: still one vote each, the new one.
    await Promise.all(guests.map((g) => castVote(g, { itemId, level: 2 })));
    const changed = await db.workshopVote.groupBy({ by: ["level"], where: { itemId }, _count: { _all: true } });
    expect(changed).toEqual([{ level: 2, _count: { _all: 50 } }]);
  });

  it("votes racing the reveal are either counted before it or refused, never written after", async () => {
    const { owner, id, guests, itemId } = await room(40);
    const votes = guests.map((g) => castVote(g, { itemId, level: 1 }));
    const reveal = control(owner, id, { op: "reveal", itemId });
    const results = await Promise.allSettled([...votes, reveal]);
    expect(results.at(-1)!.status).toBe("fulfilled");
    const accepted = results.slice(0, -1).filter((r) => r.status === "fulfilled").length;
    const refused = results.slice(0, -1).filter((r) => r.status === "rejected");
    expect(refused.every((r) => (r as PromiseRejectedResult).reason.code === "CONFLICT")).toBe(true);
    const item = await db.workshopItem.findUniqueOrThrow({
      where: { id: itemId },
      select: { revealedAt: true, votes: { select: { updatedAt: true } } },
    });
    expect(item.votes).toHaveLength(accepted);
    expect(item.votes.every((v) => v.updatedAt <= item.revealedAt!)).toBe(true);
    expect((await getFacilitatorState(owner, id))!.item!.distribution!.total).toBe(accepted);
  });
});
