import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/modules/orgs/roles";
import { STAGES } from "@/modules/pilots/stages";

/** Headline registry figures, aggregated in the database. */
export async function getRegistrySummary(actor: Actor) {
  assertCan(actor, "org:read");
  const active = { organizationId: actor.organizationId, archivedAt: null };
  const [byStage, withoutOwner, spend] = await Promise.all([
    db.pilot.groupBy({ by: ["stage"], where: active, _count: { _all: true } }),
    db.pilot.count({ where: { ...active, ownerName: null, stage: { notIn: ["RETIRED"] } } }),
    db.pilot.aggregate({
      where: { ...active, stage: { in: ["IDEA", "PILOT", "PRODUCTION_INTENT"] } },
      _sum: { monthlyRunCost: true },
    }),
  ]);
  const counts = Object.fromEntries(
    STAGES.map((s) => [s, byStage.find((r) => r.stage === s)?._count._all ?? 0]),
  ) as Record<(typeof STAGES)[number], number>;
  return {
    total: Object.values(counts).reduce((a, b) => a + b, 0),
    byStage: counts,
    withoutOwner,
    preProductionMonthlySpend: spend._sum.monthlyRunCost ?? 0,
  };
}
