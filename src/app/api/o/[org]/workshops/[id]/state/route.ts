import { orgRoute } from "@/modules/access";
import { getFacilitatorState } from "@/modules/workshops";

/** The presenter's live state; 204 while unchanged since `?since=` (the state's key). */
export const GET = orgRoute<{ org: string; id: string }>(
  { permission: "assessment:write" },
  async ({ request, ctx, params }) => {
    const since = new URL(request.url).searchParams.get("since");
    const state = await getFacilitatorState(ctx, params.id, since && since.length < 40 ? since : null);
    return state
      ? Response.json(state, { headers: { "cache-control": "no-store" } })
      : new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
  },
);
