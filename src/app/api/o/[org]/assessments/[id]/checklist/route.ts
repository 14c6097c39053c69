import { orgRoute } from "@/modules/access";
import { exportAssessmentChecklist, previewChecklistImport, readUpload } from "@/modules/imports";

type Params = { org: string; id: string };

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const fileName = (name: string) =>
  name
    .replace(/[^A-Za-z0-9 _-]+/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .slice(0, 60) || "pilot";

/** The assessment's checklist as an Excel workbook to fill in offline. */
export const GET = orgRoute<Params>({ permission: "org:read" }, async ({ ctx, params }) => {
  const { bytes, pilotName } = await exportAssessmentChecklist(ctx, params.id);
  return new Response(bytes as BodyInit, {
    headers: {
      "content-type": XLSX,
      "content-disposition": `attachment; filename="checklist-${fileName(pilotName)}.xlsx"`,
      "cache-control": "no-store",
    },
  });
});

/** What importing a filled checklist (multipart `file`) would change; writes nothing. */
export const POST = orgRoute<Params>({ permission: "assessment:write" }, async ({ request, ctx, params }) => {
  const { upload } = await readUpload(request, ctx);
  return previewChecklistImport(ctx, params.id, upload);
});
