import { orgRoute } from "@/modules/access";
import { importTemplate } from "@/modules/imports";

/** An empty pilot register with the headings the import recognises. */
export const GET = orgRoute({ permission: "org:read" }, async () => {
  const bytes = await importTemplate();
  return new Response(bytes as BodyInit, {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": 'attachment; filename="preflight-pilot-import-template.xlsx"',
      "cache-control": "no-store",
    },
  });
});
