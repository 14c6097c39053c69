import Link from "next/link";
import { Card } from "@/components/ui/card";
import { LEVEL_NAMES } from "@/modules/assessments/shared";
import { orgPath } from "@/modules/access/shared";
import type { WorkshopSummary } from "../close";
import type { Distribution } from "../distribution";
import type { Agreement } from "../types";

function agreed(a: Agreement | null): string {
  if (!a) return "Not agreed";
  return a.notApplicable ? `N/A — ${a.naReason}` : `${a.level} · ${LEVEL_NAMES[a.level ?? 0]}`;
}

/** "0:1 1:3 2:2 3:0 ?:1" in words a reader can scan. */
function votes(d: Distribution): string {
  if (d.total === 0) return "No votes revealed";
  const parts = d.counts.map((n, level) => `${level}: ${n}`);
  return `${parts.join(" · ")} · don't know: ${d.unknown}`;
}

/** The summary to hand over, per pilot: agreed levels, vote distributions, notes, and the follow-ups. */
export function WorkshopSummaryView({ summary, slug }: { summary: WorkshopSummary; slug: string }) {
  return (
    <div className="space-y-6">
      {summary.pilots.map((p) => (
        <Card key={p.pilotId} className="break-inside-avoid p-4 sm:p-6 print:shadow-none print:ring-0">
          <section aria-labelledby={`pilot-${p.pilotId}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`pilot-${p.pilotId}`} className="text-lg font-semibold">
                {p.name}
              </h2>
              {p.assessmentId && (
                <Link
                  href={orgPath(slug, `/pilots/${p.pilotId}/assessments/${p.assessmentId}`)}
                  className="text-sm font-medium text-brand-700 hover:underline print:hidden"
                >
                  Open the assessment
                </Link>
              )}
            </div>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Agreed levels for {p.name}</caption>
                <thead className="text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className="py-2 pr-3">
                      Criterion
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      Agreed
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      Votes
                    </th>
                    <th scope="col" className="py-2">
                      Note
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {p.items.map((i) => (
                    <tr key={i.id} className="align-top">
                      <th scope="row" className="py-2 pr-3 font-medium text-slate-900">
                        {i.criterionTitle}
                        <span className="block text-xs font-normal text-slate-500">{i.pillarTitle}</span>
                      </th>
                      <td className="py-2 pr-3 whitespace-nowrap">
                        {agreed(i.agreement)}
                        {i.agreement?.verifyWithEvidence && (
                          <span className="block text-xs font-semibold text-amber-800">Verify with evidence</span>
                        )}
                      </td>
                      <td className="py-2 pr-3 text-slate-700">
                        {votes(i.distribution)}
                        {i.distribution.median !== null && (
                          <span className="block text-xs">
                            median {i.distribution.median} · spread {i.distribution.spread}
                            {i.distribution.disagreement && <strong className="text-amber-800"> · disagreement</strong>}
                          </span>
                        )}
                      </td>
                      <td className="py-2 text-slate-700 [overflow-wrap:anywhere]">
                        {i.agreement?.note}
                        {i.comments.map((c, n) => (
                          <span key={n} className="block text-xs text-slate-500">
                            “{c.text}”{c.name ? ` — ${c.name}` : ""}
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </Card>
      ))}
      <Card className="break-inside-avoid p-4 sm:p-6 print:shadow-none print:ring-0">
        <section aria-labelledby="follow-ups-heading">
          <h2 id="follow-ups-heading" className="text-lg font-semibold">
            Follow-ups
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Items where the votes spanned two levels or more, and items the room asked to verify with evidence.
          </p>
          {summary.followUps.length === 0 ? (
            <p className="mt-3 text-sm text-slate-700">None: the room agreed without doubt.</p>
          ) : (
            <ul className="mt-3 space-y-2">
              {summary.followUps.map((f) => (
                <li key={f.id} className="text-sm">
                  <span className="font-medium text-slate-900">
                    {f.pilotName}: {f.criterionTitle}
                  </span>{" "}
                  — agreed {agreed(f.agreement)};{" "}
                  {f.reasons
                    .map((r) =>
                      r === "verify" ? "verify with evidence" : `disagreement (spread ${f.distribution.spread})`,
                    )
                    .join(", ")}
                  {f.agreement?.note && <span className="block text-slate-600">{f.agreement.note}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </Card>
    </div>
  );
}
