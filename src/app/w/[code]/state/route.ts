import { workshopRoute } from "@/modules/access";
import { getParticipantState, waitForParticipantState } from "@/modules/workshops";

const NO_STORE = { "cache-control": "no-store" };

/**
 * The participant's live state; 204 while it is still the version the screen has (`?since=`).
 * With `&wait=1` an unchanged request is held until the facilitator's next move (long polling).
 */
export const GET = workshopRoute({}, async ({ request, guest }) => {
  const query = new URL(request.url).searchParams;
  const parsed = Number.parseInt(query.get("since") ?? "", 10);
  const since = Number.isSafeInteger(parsed) ? parsed : null;
  const state =
    since !== null && query.get("wait") === "1"
      ? await waitForParticipantState(guest, since, { signal: request.signal })
      : await getParticipantState(guest, since);
  return state ? Response.json(state, { headers: NO_STORE }) : new Response(null, { status: 204, headers: NO_STORE });
});
