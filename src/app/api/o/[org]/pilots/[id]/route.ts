import { orgRoute } from "@/modules/access";
import { pilotInputSchema, pilotUpdateSchema, archivePilot, getPilot, updatePilot } from "@/modules/pilots";

type Params = { org: string; id: string };

export const GET = orgRoute<Params>({ permission: "org:read" }, async ({ ctx, params }) => ({
  pilot: await getPilot(ctx, params.id),
}));

/** Body: the full pilot fields plus `expectedVersion`; a stale version answers 409. */
const updateBody = pilotInputSchema.and(pilotUpdateSchema);
export const PUT = orgRoute<Params, typeof updateBody>(
  { permission: "pilot:write", body: updateBody },
  async ({ ctx, params, body }) => updatePilot(ctx, params.id, body),
);

/** Archives (pilots are never hard-deleted: their history matters). */
export const DELETE = orgRoute<Params>({ permission: "pilot:write" }, async ({ ctx, params }) => {
  await archivePilot(ctx, params.id);
  return new Response(null, { status: 204 });
});
