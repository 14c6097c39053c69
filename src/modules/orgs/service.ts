import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import { db, type Prisma } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan, type Actor } from "@/modules/access/shared";
import { changeRoleSchema, createOrganizationSchema, removeMemberSchema, renameOrganizationSchema } from "./schemas";

/** "Acme Insurance (UK)" → "acme-insurance-uk": the readable part of an organisation's URL. */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return base || "organisation";
}

/** The first free slug among base, base-2, base-3, …; the unique index still decides under races. */
async function freeSlug(tx: Prisma.TransactionClient, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (
      await tx.organization.findMany({
        where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] },
        select: { slug: true },
      })
    ).map((o) => o.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates an organisation with `userId` as its owner. Runs inside the caller's transaction if given one. */
export async function createOrganization(
  userId: string,
  input: unknown,
  tx: Prisma.TransactionClient = db,
): Promise<{ id: string; name: string; slug: string }> {
  const { name } = parseInput(createOrganizationSchema, input);
  for (let attempt = 0; ; attempt++) {
    const slug = attempt < 3 ? await freeSlug(tx, name) : `${slugify(name)}-${randomBytes(3).toString("hex")}`;
    try {
      return await tx.organization.create({
        data: { name, slug, memberships: { create: { userId, role: "OWNER" } } },
        select: { id: true, name: true, slug: true },
      });
    } catch (error) {
      // Inside a caller's transaction a failed statement aborts it: only retry on our own.
      if (!isUniqueViolation(error) || tx !== db || attempt >= 3) throw error;
    }
  }
}

export async function listMembers(actor: Actor) {
  assertCan(actor, "org:read");
  return db.membership.findMany({
    where: { organizationId: actor.organizationId },
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
  });
}

async function findMembership(tx: Prisma.TransactionClient, actor: Actor, membershipId: string) {
  const membership = await tx.membership.findFirst({
    where: { id: membershipId, organizationId: actor.organizationId },
    select: { id: true, role: true, userId: true },
  });
  if (!membership) throw notFound("Member not found.");
  return membership;
}

async function assertOwnersRemain(tx: Prisma.TransactionClient, actor: Actor, leaving: { role: Role }) {
  if (leaving.role !== "OWNER") return;
  const owners = await tx.membership.count({ where: { organizationId: actor.organizationId, role: "OWNER" } });
  if (owners <= 1) throw conflict("An organisation needs at least one owner. Make someone else an owner first.");
}

export async function changeMemberRole(actor: Actor, input: unknown): Promise<void> {
  assertCan(actor, "member:manage");
  const { membershipId, role } = parseInput(changeRoleSchema, input);
  await db.$transaction(
    async (tx) => {
      const membership = await findMembership(tx, actor, membershipId);
      const touchesOwner = membership.role === "OWNER" || role === "OWNER";
      if (touchesOwner && actor.role !== "OWNER")
        throw new AppError("FORBIDDEN", "Only an owner can change an owner's role or make an owner.");
      if (role !== "OWNER") await assertOwnersRemain(tx, actor, membership);
      await tx.membership.update({ where: { id: membership.id }, data: { role } });
    },
    { isolationLevel: "Serializable" },
  );
}

export async function removeMember(actor: Actor, input: unknown): Promise<void> {
  assertCan(actor, "member:manage");
  const { membershipId } = parseInput(removeMemberSchema, input);
  await db.$transaction(
    async (tx) => {
      const membership = await findMembership(tx, actor, membershipId);
      if (membership.role === "OWNER" && actor.role !== "OWNER")
        throw new AppError("FORBIDDEN", "Only an owner can remove an owner.");
      await assertOwnersRemain(tx, actor, membership);
      await tx.membership.delete({ where: { id: membership.id } });
    },
    { isolationLevel: "Serializable" },
  );
}

const SLUG_TAKEN = "Another organisation already uses this address. Choose another.";

/** Renames the organisation and, when given, changes its slug (its URLs change with it). */
export async function renameOrganization(actor: Actor, input: unknown): Promise<{ slug: string }> {
  assertCan(actor, "org:manage");
  const { name, slug } = parseInput(renameOrganizationSchema, input);
  try {
    return await db.organization.update({
      where: { id: actor.organizationId },
      data: { name, ...(slug ? { slug } : {}) },
      select: { slug: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("BAD_REQUEST", SLUG_TAKEN, { slug: [SLUG_TAKEN] });
    throw error;
  }
}
