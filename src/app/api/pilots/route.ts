import { NextResponse } from "next/server";
import { readJson, withMember } from "@/lib/http";
import { createPilot, listPilots } from "@/modules/pilots/service";

export const GET = withMember("org:read", async ({ request, ctx }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return { pilots: await listPilots(ctx, query) };
});

export const POST = withMember("pilot:write", async ({ request, ctx }) => {
  const created = await createPilot(ctx, await readJson(request));
  return NextResponse.json(created, { status: 201, headers: { location: `/api/pilots/${created.id}` } });
});
