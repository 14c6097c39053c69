import { orgRoute } from "@/modules/access";
import { exportBlankChecklists } from "@/modules/imports";

/** Blank checklists for the chosen pilots (`?pilot=ID&pilot=ID`), one sheet each, to fill in offline. */
export const GET = orgRoute({ permission: "org:read" }, async ({ request, ctx }) => {
  const ids = new URL(request.url).searchParams.getAll("pilot");
  const { bytes } = await exportBlankChecklists(ctx, ids);
  return new Response(bytes as BodyInit, {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="checklist-blank-${new Date().toISOString().slice(0, 10)}.xlsx"`,
      "cache-control": "no-store",
    },
  });
});
