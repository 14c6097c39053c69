import { orgRoute } from "@/modules/access";
import { previewImport, readUpload } from "@/modules/imports";

/**
 * What importing a spreadsheet would do, writing nothing. Multipart body: `file` (CSV or XLSX, at
 * most 10 MB) and optionally `mapping` (JSON: one field name or null per column).
 */
export const POST = orgRoute({ permission: "pilot:write" }, async ({ request, ctx }) => {
  const { upload, form } = await readUpload(request, ctx);
  return previewImport(ctx, upload, form.get("mapping"));
});
