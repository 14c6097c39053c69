import { orgRoute } from "@/modules/access";
import { applyChecklistImport, readUpload } from "@/modules/imports";

/**
 * Imports a filled checklist into the open assessment (multipart `file`; `overwrite=1` to replace
 * answers changed in Preflight since the export as well).
 */
export const POST = orgRoute<{ org: string; id: string }>(
  { permission: "assessment:write" },
  async ({ request, ctx, params }) => {
    const { upload, form } = await readUpload(request, ctx);
    return applyChecklistImport(ctx, params.id, upload, { overwriteConflicts: form.get("overwrite") === "1" });
  },
);
