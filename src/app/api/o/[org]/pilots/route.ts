import { NextResponse } from "next/server";
import { orgApi, orgRoute } from "@/modules/access";
import { pilotInputSchema, createPilot, listPilots } from "@/modules/pilots";

export const GET = orgRoute({ permission: "org:read" }, async ({ request, ctx }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { items, total, page, pageSize, pageCount } = await listPilots(ctx, query);
  return { pilots: items, total, page, pageSize, pageCount };
});

export const POST = orgRoute({ permission: "pilot:write", body: pilotInputSchema }, async ({ ctx, body }) => {
  const created = await createPilot(ctx, body);
  return NextResponse.json(created, {
    status: 201,
    headers: { location: orgApi(ctx.organizationSlug, `/pilots/${created.id}`) },
  });
});
