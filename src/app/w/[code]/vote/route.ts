import { workshopRoute } from "@/modules/access";
import { castVote, voteSchema } from "@/modules/workshops";

/** Records or changes the participant's vote on the item on screen (until the reveal). */
export const POST = workshopRoute({ body: voteSchema }, async ({ guest, body }) => castVote(guest, body));
