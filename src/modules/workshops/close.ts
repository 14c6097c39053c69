import "server-only";
import { db, type Prisma } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { assertCan, type Actor } from "@/modules/access/shared";
import { completeAssessment, getAssessment, saveAnswer, startAssessment } from "@/modules/assessments";
import type { Verdict } from "@/modules/scoring";
import { distributionOf, type Distribution } from "./distribution";
import { agreementOf, itemSelect } from "./live";
import { criteriaInOrder, inOrg } from "./service";
import { loadVersionContent, type VersionContent } from "@/modules/frameworks";
import type { Agreement } from "./types";

export interface ClosedPilot {
  pilotId: string;
  assessmentId: string | null;
  /** As the scoring engine computes it from the written answers ("INCOMPLETE" while criteria are unanswered). */
  verdict: Verdict | null;
  completed: boolean;
}

/** The note written on the assessment answer: the room's note, and the follow-up when it was unsure. */
function answerNotes(title: string, date: Date, item: { note: string; verifyWithEvidence: boolean }): string {
  const lines = [`Agreed in the workshop “${title}” (${date.toISOString().slice(0, 10)}).`];
  if (item.verifyWithEvidence) lines.push("Verify with evidence: the room was unsure.");
  if (item.note) lines.push(item.note);
  return lines.join("\n");
}

/**
 * Closes the workshop and turns what the room agreed into assessments, through the assessments
 * service, so the verdict, scores and gaps come from the same engine as any assessment:
 * for each pilot with at least one agreed item, a new assessment on the workshop's framework
 * version, started empty (no carried-over answers: only what the room agreed is written), one
 * answer per agreed item (each linked to the item, whose votes stay with it). Criteria the room
 * did not cover stay unanswered: the assessment stays open with the verdict "Incomplete" until
 * someone finishes it. When the room covered every criterion, it is completed at once.
 *
 * Closing first marks the workshop closed (so no vote or move lands after), then writes; if a
 * write fails, closing again finishes the pilots not yet written.
 */
export async function closeWorkshop(actor: Actor, workshopId: string): Promise<ClosedPilot[]> {
  assertCan(actor, "assessment:write");
  const w = await db.workshop.findFirst({
    where: inOrg(actor, workshopId),
    select: {
      id: true,
      status: true,
      title: true,
      date: true,
      frameworkVersionId: true,
      pilots: {
        orderBy: { position: "asc" },
        select: { id: true, pilotId: true, assessmentId: true, pilot: { select: { name: true, archivedAt: true } } },
      },
    },
  });
  if (!w) throw notFound("Workshop not found.");
  if (w.status === "DRAFT") throw conflict("This workshop never opened: there is nothing to close.");

  const agreed = await db.workshopItem.findMany({
    where: { workshopId: w.id, agreedAt: { not: null } },
    orderBy: { position: "asc" },
    select: {
      id: true,
      pilotId: true,
      criterionKey: true,
      agreedLevel: true,
      notApplicable: true,
      naReason: true,
      note: true,
      verifyWithEvidence: true,
      answerId: true,
    },
  });
  const toWrite = w.pilots.filter((p) => !p.assessmentId && agreed.some((i) => i.pilotId === p.pilotId));
  // Another assessment of the pilot in progress would be taken over: ask for it to be finished first.
  const busy = await db.assessment.findMany({
    where: {
      organizationId: actor.organizationId,
      status: "IN_PROGRESS",
      pilotId: { in: toWrite.map((p) => p.pilotId) },
    },
    select: { pilotId: true },
  });
  const archived = toWrite.filter((p) => p.pilot.archivedAt);
  if (busy.length > 0 || archived.length > 0) {
    const names = (ids: string[]) => toWrite.filter((p) => ids.includes(p.pilotId)).map((p) => p.pilot.name);
    const parts = [
      ...(busy.length
        ? [`${names(busy.map((b) => b.pilotId)).join(", ")}: an assessment is in progress; complete or discard it`]
        : []),
      ...(archived.length ? [`${archived.map((p) => p.pilot.name).join(", ")}: archived; restore it`] : []),
    ];
    throw conflict(`The workshop's results cannot be written yet. ${parts.join(". ")}. Then close again.`);
  }

  if (w.status === "OPEN") {
    const participants = await db.workshopParticipant.count({ where: { workshopId: w.id } });
    const closed = await db.workshop.updateMany({
      where: { ...inOrg(actor, w.id), status: "OPEN" },
      data: {
        status: "CLOSED",
        openCode: null,
        closedAt: new Date(),
        participantCount: participants,
        version: { increment: 1 },
      },
    });
    if (closed.count !== 1) throw conflict("The workshop was closed meanwhile.");
  }

  const results: ClosedPilot[] = [];
  for (const p of w.pilots) {
    const items = agreed.filter((i) => i.pilotId === p.pilotId);
    if (items.length === 0) {
      results.push({ pilotId: p.pilotId, assessmentId: null, verdict: null, completed: false });
      continue;
    }
    let assessmentId = p.assessmentId;
    if (!assessmentId) {
      const started = await startAssessment(actor, p.pilotId, {
        frameworkVersionId: w.frameworkVersionId,
        carryOver: false,
      });
      if (!started.created) throw conflict(`${p.pilot.name}: an assessment is in progress; complete or discard it.`);
      assessmentId = started.id;
      await db.workshopPilot.update({ where: { id: p.id }, data: { assessmentId } });
    }
    let detail = await getAssessment(actor, assessmentId);
    if (detail.status === "IN_PROGRESS") {
      const existing = new Map(detail.answers.map((a) => [a.criterionKey, a.version]));
      for (const item of items.filter((i) => !i.answerId)) {
        await saveAnswer(actor, assessmentId, {
          criterionKey: item.criterionKey,
          expectedVersion: existing.get(item.criterionKey) ?? 0,
          level: item.notApplicable ? null : item.agreedLevel,
          notApplicable: item.notApplicable,
          naReason: item.notApplicable ? item.naReason : null,
          notes: answerNotes(w.title, w.date, item),
          evidence: [],
        });
        const answer = await db.assessmentAnswer.findFirst({
          where: { assessmentId, criterion: { key: item.criterionKey } },
          select: { id: true },
        });
        await db.workshopItem.update({ where: { id: item.id }, data: { answerId: answer?.id ?? null } });
      }
      detail = await getAssessment(actor, assessmentId);
      if (detail.score.coverage === 1) {
        await completeAssessment(actor, assessmentId);
        detail = await getAssessment(actor, assessmentId);
      }
    }
    results.push({
      pilotId: p.pilotId,
      assessmentId,
      verdict: detail.score.verdict,
      completed: detail.status === "COMPLETED",
    });
  }
  return results;
}

// ─── The summary to hand over ────────────────────────────────────────────────────────────────

export interface SummaryItem {
  id: string;
  position: number;
  criterionKey: string;
  criterionTitle: string;
  pillarTitle: string;
  agreement: Agreement | null;
  distribution: Distribution;
  /** Participants' comments (never their names in an anonymous workshop). */
  comments: { name: string | null; text: string }[];
}

export interface WorkshopSummary {
  pilots: { pilotId: string; name: string; assessmentId: string | null; items: SummaryItem[] }[];
  /** Disagreements (spread ≥ 2) and "verify with evidence" items, in the room's order. */
  followUps: (SummaryItem & { pilotId: string; pilotName: string; reasons: ("disagreement" | "verify")[] })[];
}

/** What a summary reads of a workshop: its pilots in order, its items with their votes. */
const summarySelect = {
  id: true,
  anonymous: true,
  frameworkVersionId: true,
  pilots: {
    orderBy: { position: "asc" },
    select: { assessmentId: true, pilot: { select: { id: true, name: true } } },
  },
  items: {
    orderBy: { position: "asc" },
    select: {
      ...itemSelect,
      votes: {
        orderBy: { updatedAt: "asc" },
        select: { level: true, comment: true, participant: { select: { displayName: true } } },
      },
    },
  },
} satisfies Prisma.WorkshopSelect;

type SummaryRow = Prisma.WorkshopGetPayload<{ select: typeof summarySelect }>;

export async function getWorkshopSummary(actor: Actor, workshopId: string): Promise<WorkshopSummary> {
  assertCan(actor, "org:read");
  const w = await db.workshop.findFirst({ where: inOrg(actor, workshopId), select: summarySelect });
  if (!w) throw notFound("Workshop not found.");
  return summarise(w, await loadVersionContent(actor, w.frameworkVersionId));
}

function summarise(w: SummaryRow, content: VersionContent): WorkshopSummary {
  const texts = new Map(criteriaInOrder(content).map((c) => [c.key, c]));
  const toItem = (i: SummaryRow["items"][number]): SummaryItem => ({
    id: i.id,
    position: i.position,
    criterionKey: i.criterionKey,
    criterionTitle: texts.get(i.criterionKey)?.title ?? i.criterionKey,
    pillarTitle: texts.get(i.criterionKey)?.pillarTitle ?? "",
    agreement: agreementOf(i),
    // Votes count once revealed: before that they were private and could still change.
    distribution: distributionOf(i.revealedAt ? i.votes.map((v) => v.level) : []),
    comments: i.revealedAt
      ? i.votes
          .filter((v) => v.comment)
          .map((v) => ({ name: w.anonymous ? null : v.participant.displayName, text: v.comment }))
      : [],
  });
  const pilots = w.pilots.map((p) => ({
    pilotId: p.pilot.id,
    name: p.pilot.name,
    assessmentId: p.assessmentId,
    items: w.items.filter((i) => i.pilotId === p.pilot.id).map(toItem),
  }));
  const followUps = pilots.flatMap((p) =>
    p.items.flatMap((item) => {
      const reasons = [
        ...(item.distribution.disagreement ? (["disagreement"] as const) : []),
        ...(item.agreement?.verifyWithEvidence ? (["verify"] as const) : []),
      ];
      return reasons.length > 0 ? [{ ...item, pilotId: p.pilotId, pilotName: p.name, reasons }] : [];
    }),
  );
  return { pilots, followUps };
}

export interface WorkshopFollowUp {
  workshopId: string;
  workshopTitle: string;
  workshopDate: Date;
  pilotId: string;
  pilotName: string;
  criterionKey: string;
  criterionTitle: string;
  agreement: Agreement | null;
  reasons: ("disagreement" | "verify")[];
  distribution: Distribution;
}

/**
 * The follow-up list of the organisation's closed workshops (or of one pilot): items the room
 * disagreed on (spread of two levels or more) or marked "verify with evidence", newest workshop
 * first. For reports.
 */
export async function getWorkshopFollowUps(actor: Actor, pilotId?: string): Promise<WorkshopFollowUp[]> {
  assertCan(actor, "org:read");
  const workshops = await db.workshop.findMany({
    where: {
      organizationId: actor.organizationId,
      status: "CLOSED",
      ...(pilotId ? { pilots: { some: { pilotId } } } : {}),
    },
    orderBy: [{ date: "desc" }, { closedAt: "desc" }],
    take: 50,
    select: { title: true, date: true, ...summarySelect },
  });
  // Read in one go (a fixed number of queries, however many workshops), and each framework
  // version's texts once: closed workshops mostly share a version.
  const versionIds = [...new Set(workshops.map((w) => w.frameworkVersionId))];
  const contents = new Map(
    await Promise.all(versionIds.map(async (id) => [id, await loadVersionContent(actor, id)] as const)),
  );
  return workshops.flatMap((w) =>
    summarise(w, contents.get(w.frameworkVersionId)!)
      .followUps.filter((f) => !pilotId || f.pilotId === pilotId)
      .map((f) => ({
        workshopId: w.id,
        workshopTitle: w.title,
        workshopDate: w.date,
        pilotId: f.pilotId,
        pilotName: f.pilotName,
        criterionKey: f.criterionKey,
        criterionTitle: f.criterionTitle,
        agreement: f.agreement,
        reasons: f.reasons,
        distribution: f.distribution,
      })),
  );
}

export interface WorkshopSource {
  workshopId: string;
  title: string;
  date: Date;
  participants: number;
}

/** Which of these assessments a workshop wrote, and which workshop (title, date, participants). */
export async function workshopSources(actor: Actor, assessmentIds: string[]): Promise<Map<string, WorkshopSource>> {
  assertCan(actor, "org:read");
  if (assessmentIds.length === 0) return new Map();
  const rows = await db.workshopPilot.findMany({
    where: { assessmentId: { in: assessmentIds }, workshop: { organizationId: actor.organizationId } },
    select: {
      assessmentId: true,
      workshop: { select: { id: true, title: true, date: true, participantCount: true } },
    },
  });
  return new Map(
    rows.map((r) => [
      r.assessmentId!,
      {
        workshopId: r.workshop.id,
        title: r.workshop.title,
        date: r.workshop.date,
        participants: r.workshop.participantCount ?? 0,
      },
    ]),
  );
}

/** The room's vote distribution behind each answer of an assessment a workshop wrote, by criterion key. */
export async function workshopVotesForAssessment(
  actor: Actor,
  assessmentId: string,
): Promise<Map<string, Distribution>> {
  assertCan(actor, "org:read");
  const items = await db.workshopItem.findMany({
    where: { answer: { assessmentId }, workshop: { organizationId: actor.organizationId } },
    select: { criterionKey: true, votes: { select: { level: true } } },
  });
  return new Map(items.map((i) => [i.criterionKey, distributionOf(i.votes.map((v) => v.level))]));
}
