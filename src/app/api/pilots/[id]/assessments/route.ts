import { NextResponse } from "next/server";
import { withMember } from "@/lib/http";
import { listPilotAssessments, startAssessment } from "@/modules/assessments/service";
import { getPilot } from "@/modules/pilots/service";

type Params = { id: string };

export const GET = withMember<Params>("org:read", async ({ ctx, params }) => {
  await getPilot(ctx, params.id); // 404 for another organisation's pilot
  return { assessments: await listPilotAssessments(ctx, params.id) };
});

/** Starts an assessment (or returns the open one: one open assessment per pilot). */
export const POST = withMember<Params>("assessment:write", async ({ ctx, params }) => {
  const { id, created } = await startAssessment(ctx, params.id);
  return NextResponse.json({ id, created }, { status: created ? 201 : 200 });
});
