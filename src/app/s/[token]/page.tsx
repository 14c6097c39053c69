import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { Logo } from "@/components/logo";
import { buttonClass } from "@/components/ui/button";
import { Card, Notice } from "@/components/ui/card";
import { controlClass } from "@/components/ui/field";
import { formatDate } from "@/lib/format";
import { buildPilotReport, buildPortfolioReport } from "@/modules/reports";
import { isPasscodeProof, recordShareOpen, resolveShareLink, SHARE_COOKIE, shareReader } from "@/modules/sharing";
import { PilotReportView, PortfolioReportView } from "./report-view";

// A share page is for the person it was sent to: never indexed, and its address (the token) is
// never sent on as a referrer (the header is also set for /s/* in next.config.ts).
export const metadata: Metadata = {
  title: "Shared report",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

const ERRORS: Record<string, string> = {
  wrong: "That passcode is not right. Check it with the person who sent you the link.",
  limit: "Too many wrong passcodes. Wait a quarter of an hour, then try again.",
  missing: "Enter the passcode.",
};

/**
 * The public door of a share link: no account, one view. The token is the only key; an
 * unknown, expired or revoked one is the app's 404. Query parameters are ignored, so the view
 * cannot be widened; nothing on the page links into the organisation.
 */
export default async function SharePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await params;
  const link = await resolveShareLink(token);
  if (!link) notFound();
  const base = `/s/${token}`;

  const header = (
    <header className="border-b border-slate-200 bg-white print:border-0">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Logo />
        <p className="text-sm text-slate-600">
          Shared by {link.organization.name} · read-only · until {formatDate(link.expiresAt)}
        </p>
      </div>
    </header>
  );

  if (!isPasscodeProof(link, (await cookies()).get(SHARE_COOKIE)?.value)) {
    const error = (await searchParams).error;
    const message = typeof error === "string" ? ERRORS[error] : undefined;
    return (
      <div className="min-h-screen bg-slate-50">
        {header}
        <main id="main" className="mx-auto max-w-md px-4 py-12">
          <Card className="p-6">
            <h1 className="text-lg font-semibold">This report is protected by a passcode</h1>
            <p className="mt-1 text-sm text-slate-600">Enter the passcode you were given with the link.</p>
            <form method="post" action={`${base}/unlock`} className="mt-4 space-y-3">
              <div>
                <label htmlFor="passcode" className="mb-1 block text-sm font-medium text-slate-700">
                  Passcode
                </label>
                <input
                  id="passcode"
                  name="passcode"
                  type="password"
                  required
                  autoComplete="off"
                  maxLength={100}
                  className={controlClass}
                  aria-invalid={message ? true : undefined}
                  aria-describedby={message ? "passcode-error" : undefined}
                />
                {message && (
                  <p id="passcode-error" role="alert" className="mt-1 text-sm text-red-700">
                    {message}
                  </p>
                )}
              </div>
              <button type="submit" className={buttonClass("primary")}>
                Open the report
              </button>
            </form>
          </Card>
        </main>
      </div>
    );
  }

  await recordShareOpen(link.id);
  const reader = shareReader(link);
  const report =
    link.kind === "DASHBOARD"
      ? await buildPortfolioReport(reader, link.filters)
      : await buildPilotReport(reader, link.pilotId!);
  const title =
    report.kind === "portfolio"
      ? `AI pilot portfolio — ${report.organizationName}`
      : `Readiness report: ${report.pilot.name}`;

  return (
    <div className="min-h-screen bg-slate-50">
      {header}
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6 print:py-0">
        <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
          <div className="min-w-0">
            <h1 className="text-2xl font-bold tracking-tight [overflow-wrap:anywhere]">{title}</h1>
            <p className="mt-1 text-sm text-slate-600">Figures as of {formatDate(report.generatedAt)}.</p>
          </div>
          <a href={`${base}/report.pdf`} className={buttonClass("secondary", "print:hidden")} download>
            Download PDF
          </a>
        </div>
        {link.passcodeHash === null && (
          <div className="mb-6 print:hidden">
            <Notice tone="info">Anyone with this link can see this page until it expires or is revoked.</Notice>
          </div>
        )}
        {report.kind === "portfolio" ? <PortfolioReportView report={report} /> : <PilotReportView report={report} />}
      </main>
    </div>
  );
}
