import "server-only";
import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan, WORKSHOP_CODE_ALPHABET, WORKSHOP_CODE_LENGTH, type Actor } from "@/modules/access/shared";
import { currentPublishedVersionId, loadVersionContent, type VersionContent } from "@/modules/frameworks";
import { createWorkshopSchema } from "./schemas";
import type { WorkshopStatus } from "./types";

/** The tenant condition every workshop query starts from. */
export const inOrg = (actor: Actor, id: string) => ({ id, organizationId: actor.organizationId });

function newCode(): string {
  let code = "";
  for (let i = 0; i < WORKSHOP_CODE_LENGTH; i++)
    code += WORKSHOP_CODE_ALPHABET[randomInt(WORKSHOP_CODE_ALPHABET.length)];
  return code;
}

/** The criteria of a version in the room's order (pillar by pillar), with their pillar's title. */
export function criteriaInOrder(content: VersionContent) {
  return content.pillars.flatMap((p) => p.criteria.map((c) => ({ ...c, pillarKey: p.key, pillarTitle: p.title })));
}

/**
 * Sets up a workshop (a draft until the facilitator opens it): its pilots, each crossed with the
 * chosen criteria of a published version (all of them when none is chosen), in the order the
 * room will go through them — pilot by pilot, pillar by pillar.
 */
export async function createWorkshop(actor: Actor, input: unknown): Promise<{ id: string }> {
  assertCan(actor, "assessment:write");
  const data = parseInput(createWorkshopSchema, input);
  const content = await loadVersionContent(actor, data.frameworkVersionId);
  if (content.status !== "PUBLISHED") {
    const message = "Choose a published framework version.";
    throw new AppError("BAD_REQUEST", message, { frameworkVersionId: [message] });
  }
  const pilotIds = [...new Set(data.pilotIds)];
  const pilots = await db.pilot.findMany({
    where: { id: { in: pilotIds }, organizationId: actor.organizationId, archivedAt: null },
    select: { id: true },
  });
  if (pilots.length !== pilotIds.length) {
    const message = "One of the chosen pilots does not exist or is archived.";
    throw new AppError("BAD_REQUEST", message, { pilotIds: [message] });
  }
  const all = criteriaInOrder(content);
  const wanted = new Set(data.criterionKeys);
  const unknown = [...wanted].filter((k) => !all.some((c) => c.key === k));
  if (unknown.length > 0) {
    const message = `Not criteria of this version: ${unknown.slice(0, 3).join(", ")}.`;
    throw new AppError("BAD_REQUEST", message, { criterionKeys: [message] });
  }
  const criteria = wanted.size === 0 ? all : all.filter((c) => wanted.has(c.key));

  for (let attempt = 0; ; attempt++) {
    const code = newCode();
    try {
      const workshop = await db.workshop.create({
        data: {
          organizationId: actor.organizationId,
          title: data.title,
          date: new Date(`${data.date}T00:00:00Z`),
          frameworkVersionId: content.id,
          anonymous: data.anonymous,
          code,
          openCode: code,
          createdById: actor.userId,
          pilots: { create: pilotIds.map((pilotId, position) => ({ pilotId, position })) },
          items: {
            create: pilotIds.flatMap((pilotId, p) =>
              criteria.map((c, i) => ({ pilotId, criterionKey: c.key, position: p * criteria.length + i })),
            ),
          },
        },
        select: { id: true },
      });
      return workshop;
    } catch (error) {
      // A code already held by a workshop still open: draw another (32^6 codes; rare).
      if ((error as { code?: string }).code !== "P2002" || attempt >= 5) throw error;
    }
  }
}

export interface WorkshopListItem {
  id: string;
  title: string;
  date: Date;
  status: WorkshopStatus;
  code: string;
  pilots: string[];
  items: number;
  agreed: number;
  participants: number;
}

export async function listWorkshops(actor: Actor): Promise<WorkshopListItem[]> {
  assertCan(actor, "org:read");
  const rows = await db.workshop.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    take: 200,
    select: {
      id: true,
      title: true,
      date: true,
      status: true,
      code: true,
      pilots: { orderBy: { position: "asc" }, select: { pilot: { select: { name: true } } } },
      _count: { select: { items: true, participants: true } },
    },
  });
  const agreed = await db.workshopItem.groupBy({
    by: ["workshopId"],
    where: { workshopId: { in: rows.map((r) => r.id) }, agreedAt: { not: null } },
    _count: { _all: true },
  });
  const agreedBy = new Map(agreed.map((a) => [a.workshopId, a._count._all]));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    date: r.date,
    status: r.status,
    code: r.code,
    pilots: r.pilots.map((p) => p.pilot.name),
    items: r._count.items,
    agreed: agreedBy.get(r.id) ?? 0,
    participants: r._count.participants,
  }));
}

export interface WorkshopHeader {
  id: string;
  title: string;
  date: Date;
  status: WorkshopStatus;
  code: string;
  anonymous: boolean;
  frameworkVersionId: string;
  frameworkVersion: number;
  openedAt: Date | null;
  closedAt: Date | null;
  participantCount: number;
  pilots: { id: string; name: string; assessmentId: string | null }[];
  itemCount: number;
}

/** A workshop's header; another organisation's id is 404. */
export async function getWorkshop(actor: Actor, id: string): Promise<WorkshopHeader> {
  assertCan(actor, "org:read");
  const w = await db.workshop.findFirst({
    where: inOrg(actor, id),
    select: {
      id: true,
      title: true,
      date: true,
      status: true,
      code: true,
      anonymous: true,
      frameworkVersionId: true,
      frameworkVersion: { select: { version: true } },
      openedAt: true,
      closedAt: true,
      participantCount: true,
      pilots: {
        orderBy: { position: "asc" },
        select: { assessmentId: true, pilot: { select: { id: true, name: true } } },
      },
      _count: { select: { items: true, participants: true } },
    },
  });
  if (!w) throw notFound("Workshop not found.");
  return {
    id: w.id,
    title: w.title,
    date: w.date,
    status: w.status,
    code: w.code,
    anonymous: w.anonymous,
    frameworkVersionId: w.frameworkVersionId,
    frameworkVersion: w.frameworkVersion.version,
    openedAt: w.openedAt,
    closedAt: w.closedAt,
    participantCount: w.participantCount ?? w._count.participants,
    pilots: w.pilots.map((p) => ({ ...p.pilot, assessmentId: p.assessmentId })),
    itemCount: w._count.items,
  };
}

/** Opens a draft workshop: from now on its code lets people join. */
export async function openWorkshop(actor: Actor, id: string): Promise<void> {
  assertCan(actor, "assessment:write");
  const opened = await db.workshop.updateMany({
    where: { ...inOrg(actor, id), status: "DRAFT" },
    data: { status: "OPEN", openedAt: new Date(), version: { increment: 1 } },
  });
  if (opened.count === 1) {
    await db.workshopItem.updateMany({ where: { workshopId: id, position: 0 }, data: { visitedAt: new Date() } });
    return;
  }
  const w = await db.workshop.findFirst({ where: inOrg(actor, id), select: { status: true } });
  if (!w) throw notFound("Workshop not found.");
  if (w.status === "CLOSED") throw conflict("This workshop has closed.");
}

export interface WorkshopSetupOptions {
  pilots: { id: string; name: string }[];
  versions: {
    id: string;
    version: number;
    current: boolean;
    pillars: { key: string; title: string; criteria: { key: string; title: string }[] }[];
  }[];
}

/** What the set-up form offers: the active pilots and the published framework versions with their criteria. */
export async function workshopSetupOptions(actor: Actor): Promise<WorkshopSetupOptions> {
  assertCan(actor, "assessment:write");
  // An organisation gets its copy of the default framework on first use.
  await currentPublishedVersionId(actor);
  const [pilots, versions] = await Promise.all([
    db.pilot.findMany({
      where: { organizationId: actor.organizationId, archivedAt: null },
      orderBy: { name: "asc" },
      take: 1000,
      select: { id: true, name: true },
    }),
    db.frameworkVersion.findMany({
      where: { status: "PUBLISHED", framework: { organizationId: actor.organizationId } },
      orderBy: { version: "desc" },
      take: 10,
      select: { id: true },
    }),
  ]);
  const contents = await Promise.all(versions.map((v) => loadVersionContent(actor, v.id)));
  return {
    pilots,
    versions: contents.map((c, i) => ({
      id: c.id,
      version: c.version,
      current: i === 0,
      pillars: c.pillars.map((p) => ({
        key: p.key,
        title: p.title,
        criteria: p.criteria.map((cr) => ({ key: cr.key, title: cr.title })),
      })),
    })),
  };
}

/** The QR code of a join link, as an SVG string (drawn on the server; no script on the page). */
export async function joinQrSvg(url: string): Promise<string> {
  const QRCode = await import("qrcode");
  return QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}
