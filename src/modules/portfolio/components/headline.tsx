import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatMoney, formatScore, formatNumber, formatShare } from "@/lib/format";
import { STAGE_LABELS, STAGES } from "@/modules/pilots/shared";
import { figureStages, pilotListSearchFor, type PortfolioFilters } from "../filters";
import type { PortfolioHeadline } from "../queries";
import { orgPath } from "@/modules/access/shared";

/** A count with thousands separators: "9,296". */
const n = (count: number) => formatNumber(count);
const percent = (share: number | null) => (share === null ? "Not assessed" : formatShare(share));

function Figure({
  label,
  value,
  detail,
  tone,
}: {
  label: string;
  value: string;
  detail?: React.ReactNode;
  tone?: "warning" | "muted";
}) {
  return (
    <Card className="p-5 print:break-inside-avoid print:p-3">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd>
        <span
          className={`mt-1 block text-3xl font-bold tabular-nums ${tone === "warning" ? "text-amber-700" : tone === "muted" ? "text-slate-400" : "text-slate-900"}`}
        >
          {value}
        </span>
        {detail && <span className="mt-1 block text-xs text-slate-500">{detail}</span>}
      </dd>
    </Card>
  );
}

export function Headline({
  headline,
  currency,
  filters,
  slug,
}: {
  headline: PortfolioHeadline;
  currency: string;
  filters: PortfolioFilters;
  slug: string;
}) {
  const spend = headline.preProductionSpend;
  const stalledDays = filters.stalledDays;
  const retiredLeftOut = headline.retiredLeftOut > 0;
  return (
    <section aria-labelledby="headline-title">
      <h2 id="headline-title" className="sr-only">
        Headline figures
      </h2>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5 print:grid-cols-5 print:gap-2">
        <Figure
          label="Pilots"
          value={n(headline.total)}
          detail={
            `${n(headline.assessed)} with a completed assessment` +
            (retiredLeftOut ? `; ${n(headline.retiredLeftOut)} retired not counted` : "")
          }
        />
        <Figure
          label="Share assessed"
          value={headline.total === 0 ? "No pilots" : percent(headline.assessedShare)}
          tone={headline.assessedShare === null ? "muted" : undefined}
        />
        <Figure
          label="Share ready"
          value={percent(headline.readyShare)}
          detail={
            headline.readyShare === null
              ? "No completed assessments yet"
              : `${n(headline.ready)} of ${n(headline.assessed)} assessed pilots`
          }
          tone={headline.readyShare === null ? "muted" : undefined}
        />
        <Figure
          label="Median readiness"
          value={headline.medianReadiness === null ? "Not assessed" : formatScore(headline.medianReadiness)}
          detail="Of each pilot's latest assessment (0–100)"
          tone={headline.medianReadiness === null ? "muted" : undefined}
        />
        <Figure
          label="Stalled pilots"
          value={n(headline.stalled)}
          detail={`Over ${stalledDays} days in pilot or production intent, or no assessment in 90 days`}
          tone={headline.stalled > 0 ? "warning" : undefined}
        />
      </dl>
      <div className="mt-4 grid gap-4 lg:grid-cols-[2fr_1fr] print:mt-2 print:grid-cols-[2fr_1fr] print:gap-2">
        <Card className="p-5">
          <h3 className="text-sm text-slate-600">Pilots by stage</h3>
          <ul className="mt-2 grid grid-cols-3 gap-2 sm:grid-cols-5">
            {STAGES.map((stage) => {
              // Retired pilots are left out of the figures unless the stage filter asks for them:
              // their tile then shows how many were left out. A tile links to exactly the pilots it
              // counts; one outside the stage filter counts none and links nowhere.
              const leftOut = stage === "RETIRED" && retiredLeftOut;
              const counted = leftOut || figureStages(filters).includes(stage);
              const tile = "block rounded-md bg-slate-50 p-3 ring-1 ring-slate-200";
              const content = (
                <>
                  <span className={`block text-xl font-bold tabular-nums ${leftOut ? "text-slate-400" : ""}`}>
                    {n(leftOut ? headline.retiredLeftOut : headline.byStage[stage])}
                  </span>
                  <span className="text-xs text-slate-600">
                    {STAGE_LABELS[stage]}
                    {leftOut ? " (not counted)" : ""}
                  </span>
                </>
              );
              return (
                <li key={stage}>
                  {counted ? (
                    <Link
                      href={orgPath(slug, `/pilots${pilotListSearchFor(filters, { stages: [stage] })}`)}
                      className={`${tile} hover:bg-slate-100`}
                    >
                      {content}
                    </Link>
                  ) : (
                    <span className={tile}>{content}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </Card>
        <Card className="p-5">
          <h3 className="text-sm text-slate-600">Monthly spend on pilots not yet in production</h3>
          <p className="mt-1 text-3xl font-bold tabular-nums">
            {spend.amount === null ? "Unknown" : formatMoney(spend.amount, currency)}
          </p>
          <p className="mt-1 text-xs text-slate-500">
            {n(spend.pilots)} pilots in idea, pilot or production intent
            {spend.withoutCost > 0 ? `; ${n(spend.withoutCost)} without a recorded cost (not included)` : ""}.
          </p>
        </Card>
      </div>
    </section>
  );
}
