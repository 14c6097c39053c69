import { Badge, Card } from "@/components/ui/card";
import type { VersionContent } from "../service";

/** Names of maturity levels 0–3 (docs/scoring.md). */
export const LEVEL_NAMES = ["Absent", "Ad hoc", "Defined", "Automated"] as const;

export function VersionStatusBadge({ status, current }: { status: "DRAFT" | "PUBLISHED"; current?: boolean }) {
  if (status === "DRAFT") return <Badge className="bg-amber-50 text-amber-900 ring-amber-200">Draft</Badge>;
  return (
    <span className="inline-flex gap-1.5">
      <Badge className="bg-emerald-50 text-emerald-800 ring-emerald-200">Published</Badge>
      {current && <Badge className="bg-brand-50 text-brand-800 ring-brand-100">In use for new assessments</Badge>}
    </span>
  );
}

export function CriterionFacts({
  weight,
  isGate,
  targetLevel,
}: {
  weight: number;
  isGate: boolean;
  targetLevel: number;
}) {
  return (
    <span className="flex flex-wrap gap-1.5">
      <Badge>Weight {weight}</Badge>
      <Badge>
        Target level {targetLevel} — {LEVEL_NAMES[targetLevel] ?? "?"}
      </Badge>
      {isGate && <Badge className="bg-red-50 text-red-800 ring-red-200">Gate</Badge>}
    </span>
  );
}

/** The verdict thresholds of a version, in words. */
export function ThresholdsSummary({ ready, conditional }: { ready: number; conditional: number }) {
  return (
    <p className="text-sm text-slate-700">
      <strong>Ready</strong> at a readiness score of {ready} or more; <strong>conditional</strong> from {conditional};
      below that, <strong>not ready</strong>. Gates below their target block a verdict of ready.
    </p>
  );
}

/** A version's whole content, read-only: pillars, criteria, level descriptions, weights, gates and targets. */
export function VersionView({ content }: { content: VersionContent }) {
  return (
    <div className="space-y-8">
      <Card className="p-4 sm:p-6">
        <h2 className="text-lg font-semibold">Verdict thresholds</h2>
        <div className="mt-2">
          <ThresholdsSummary ready={content.thresholds.ready} conditional={content.thresholds.conditional} />
        </div>
      </Card>
      {content.pillars.map((pillar, index) => (
        <section key={pillar.id} aria-labelledby={`pillar-${pillar.id}`} className="space-y-4">
          <div>
            <h2 id={`pillar-${pillar.id}`} className="text-lg font-semibold text-slate-900">
              {index + 1}. {pillar.title}
            </h2>
            <p className="mt-1 max-w-3xl text-sm text-slate-600">{pillar.description}</p>
            <p className="mt-1 text-xs text-slate-500">
              Key <code className="font-mono">{pillar.key}</code> ·{" "}
              {pillar.criteria.length === 1 ? "1 criterion" : `${pillar.criteria.length} criteria`}
            </p>
          </div>
          {pillar.criteria.map((c) => (
            <Card key={c.id} className="p-4 sm:p-5">
              <article aria-labelledby={`criterion-${c.id}`}>
                <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                  <div>
                    <h3 id={`criterion-${c.id}`} className="text-base font-semibold text-slate-900">
                      {c.title}
                    </h3>
                    <p className="text-xs break-all text-slate-500">
                      <code className="font-mono">{c.key}</code>
                    </p>
                  </div>
                  <CriterionFacts weight={c.weight} isGate={c.isGate} targetLevel={c.targetLevel} />
                </div>
                <dl className="mt-4 grid gap-4 text-sm md:grid-cols-2">
                  <div>
                    <dt className="font-medium text-slate-800">Why it matters</dt>
                    <dd className="mt-1 text-slate-700">{c.whyItMatters}</dd>
                  </div>
                  <div>
                    <dt className="font-medium text-slate-800">Guidance</dt>
                    <dd className="mt-1 text-slate-700">{c.guidance}</dd>
                  </div>
                  <div className="md:col-span-2">
                    <dt className="font-medium text-slate-800">Levels</dt>
                    <dd className="mt-1">
                      <ol className="space-y-1.5 text-slate-700">
                        {c.levels.map((text, level) => (
                          <li key={level} className="flex flex-col sm:flex-row sm:gap-2">
                            <span className="shrink-0 font-medium text-slate-800 sm:w-28">
                              {level} — {LEVEL_NAMES[level]}
                            </span>
                            <span>{text}</span>
                          </li>
                        ))}
                      </ol>
                    </dd>
                  </div>
                  <div className="md:col-span-2">
                    <dt className="font-medium text-slate-800">Remediation hint</dt>
                    <dd className="mt-1 text-slate-700">{c.remediation}</dd>
                  </div>
                </dl>
              </article>
            </Card>
          ))}
        </section>
      ))}
    </div>
  );
}
