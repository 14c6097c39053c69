import { cookies } from "next/headers";
import { notFound } from "@/lib/errors";
import { publicRoute } from "@/modules/access";
import { buildPilotReport, buildPortfolioReport, reportResponse } from "@/modules/reports";
import { isPasscodeProof, resolveShareLink, SHARE_COOKIE, shareReader } from "@/modules/sharing";

export const runtime = "nodejs";

/** The PDF of a share link's one view: the same scope and the same passcode as its page. */
export const GET = publicRoute<{ token: string }>(async (_request, { params }) => {
  const { token } = await params;
  const link = await resolveShareLink(token);
  if (!link || !isPasscodeProof(link, (await cookies()).get(SHARE_COOKIE)?.value)) throw notFound();
  const reader = shareReader(link);
  const report =
    link.kind === "DASHBOARD"
      ? await buildPortfolioReport(reader, link.filters)
      : await buildPilotReport(reader, link.pilotId!);
  const response = await reportResponse(report, "pdf", "shared");
  response.headers.set("referrer-policy", "no-referrer");
  response.headers.set("x-robots-tag", "noindex");
  return response;
});
