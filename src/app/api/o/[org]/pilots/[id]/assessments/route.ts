import { NextResponse } from "next/server";
import { orgRoute } from "@/modules/access";
import { listPilotAssessments, startAssessment } from "@/modules/assessments";
import { getPilot } from "@/modules/pilots";

type Params = { org: string; id: string };

export const GET = orgRoute<Params>({ permission: "org:read" }, async ({ ctx, params }) => {
  await getPilot(ctx, params.id); // 404 for another organisation's pilot
  return { assessments: await listPilotAssessments(ctx, params.id) };
});

/** Starts an assessment (or returns the open one: one open assessment per pilot). */
export const POST = orgRoute<Params>({ permission: "assessment:write" }, async ({ ctx, params }) => {
  const { id, created } = await startAssessment(ctx, params.id);
  return NextResponse.json({ id, created }, { status: created ? 201 : 200 });
});
