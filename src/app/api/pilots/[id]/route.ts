import { readJson, withMember } from "@/lib/http";
import { archivePilot, getPilot, updatePilot } from "@/modules/pilots/service";

type Params = { id: string };

export const GET = withMember<Params>("org:read", async ({ ctx, params }) => ({
  pilot: await getPilot(ctx, params.id),
}));

/** Body: the full pilot fields plus `expectedVersion`; a stale version answers 409. */
export const PUT = withMember<Params>("pilot:write", async ({ request, ctx, params }) =>
  updatePilot(ctx, params.id, await readJson(request)),
);

/** Archives (pilots are never hard-deleted: their history matters). */
export const DELETE = withMember<Params>("pilot:write", async ({ ctx, params }) => {
  await archivePilot(ctx, params.id);
  return new Response(null, { status: 204 });
});
