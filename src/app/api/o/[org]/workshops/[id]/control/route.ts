import { orgRoute } from "@/modules/access";
import { control, controlSchema, getFacilitatorState } from "@/modules/workshops";

/** One facilitator move (go to, reveal, reopen, agree); answers the new state. */
export const POST = orgRoute<{ org: string; id: string }, typeof controlSchema>(
  { permission: "assessment:write", body: controlSchema },
  async ({ ctx, params, body }) => {
    await control(ctx, params.id, body);
    return getFacilitatorState(ctx, params.id);
  },
);
