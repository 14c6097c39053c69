import { redirect } from "next/navigation";
import { orgPage, orgPath } from "@/modules/access";

/** `/o/{org}` alone opens the organisation's dashboard. */
export default async function OrgHome({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await orgPage(params);
  redirect(orgPath(ctx.organizationSlug));
}
