import { revalidatePath } from "next/cache";
import { orgPath, orgRoute } from "@/modules/access";
import { commitImport, readUpload } from "@/modules/imports";

/**
 * Imports a spreadsheet: the same multipart body as the preview, with the confirmed mapping. The
 * valid rows are written in one transaction; the rows with errors come back to download.
 */
export const POST = orgRoute({ permission: "pilot:write" }, async ({ request, ctx }) => {
  const { upload, form } = await readUpload(request, ctx);
  const result = await commitImport(ctx, upload, form.get("mapping"));
  revalidatePath(orgPath(ctx.organizationSlug, "/pilots"));
  return result;
});
