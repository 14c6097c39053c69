"use client";

// The two charts that need a pointer: a tooltip per month, a point per pilot to open. Recharts is
// large, so this file is loaded only by lazy-charts.tsx, after the page is shown; each chart sits
// beside a server-rendered summary and table with the same numbers (the chart is for the eye, the
// table for screen readers and exact values), so the charts are aria-hidden.

import { cloneElement, useSyncExternalStore, type ReactElement } from "react";
import { useRouter } from "next/navigation";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import type { TrendMonth } from "../queries";
import { monthLabel, SCATTER_HEIGHT, SCORE_AXIS, TREND_HEIGHT, type LogAxis } from "./chart-scales";
import { orgPath } from "@/modules/access/shared";
import { useOrgSlug } from "@/modules/access/client";

const TICK = { fontSize: 12, fill: "#475569" };
/** A chart's width on paper: A4's 186 mm between the margins, less the panel's padding. */
const PRINT_WIDTH = 640;

/**
 * True while the page is printed (or shown as print media). A chart sized to the screen would
 * keep that size on paper — ResponsiveContainer measures once, before the print layout — so a
 * printed chart gets a fixed width that fits the page instead.
 */
function usePrinting(): boolean {
  return useSyncExternalStore(subscribePrinting, isPrinting, () => false);
}
let printEvent = false;
function isPrinting(): boolean {
  return printEvent || window.matchMedia("print").matches;
}
function subscribePrinting(changed: () => void): () => void {
  const query = window.matchMedia("print");
  const before = () => {
    printEvent = true;
    changed();
  };
  const after = () => {
    printEvent = false;
    changed();
  };
  query.addEventListener("change", changed);
  window.addEventListener("beforeprint", before);
  window.addEventListener("afterprint", after);
  return () => {
    query.removeEventListener("change", changed);
    window.removeEventListener("beforeprint", before);
    window.removeEventListener("afterprint", after);
  };
}

/** The chart at the width of its box on screen, at a fixed width on paper; its height in px either way. */
function ChartFrame({
  height,
  children,
}: {
  height: number;
  children: ReactElement<{ width?: number; height?: number }>;
}) {
  const printing = usePrinting();
  return (
    <div aria-hidden="true" style={{ height }}>
      {printing ? (
        cloneElement(children, { width: PRINT_WIDTH, height })
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      )}
    </div>
  );
}
const GRID = "#e2e8f0";
const round1 = (n: number | null) => (n === null ? "—" : String(Math.round(n * 10) / 10));

function TrendTooltip({ month }: { month: TrendMonth | undefined }) {
  if (!month) return null;
  return (
    <div className="rounded bg-white p-2 text-xs shadow ring-1 ring-slate-200">
      <p className="font-semibold">End of {monthLabel(month.month)}</p>
      <p>
        {month.assessedPilots} of {month.pilots} pilots assessed
      </p>
      {month.assessedPilots > 0 && (
        <>
          <p>Median readiness {round1(month.medianReadiness)}</p>
          <p>Mean readiness {round1(month.meanReadiness)}</p>
          <p>Ready {month.readyShare === null ? "—" : `${Math.round(month.readyShare * 100)}%`}</p>
        </>
      )}
    </div>
  );
}

export function TrendChart({ data }: { data: TrendMonth[] }) {
  // Every month is drawn, months without change included (a flat stretch, a dot each month). A
  // month with no assessed pilot has no point (null), never 0; lines are straight (no smoothing
  // inventing values between months) and broken at gaps.
  const rows = data.map((m) => ({
    ...m,
    readyPercent: m.readyShare === null ? null : Math.round(m.readyShare * 100),
  }));
  return (
    <ChartFrame height={TREND_HEIGHT}>
      <LineChart data={rows} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
        <CartesianGrid stroke={GRID} />
        <XAxis
          dataKey="month"
          tick={TICK}
          tickFormatter={(m: string) => monthLabel(m, true)}
          interval="preserveStartEnd"
          minTickGap={12}
        />
        <YAxis
          type="number"
          domain={SCORE_AXIS.domain}
          ticks={SCORE_AXIS.ticks}
          allowDataOverflow={false}
          tick={TICK}
          width={36}
        />
        <Tooltip content={({ payload }) => <TrendTooltip month={payload?.[0]?.payload as TrendMonth | undefined} />} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <ReferenceLine y={75} stroke="#059669" strokeDasharray="4 4" />
        <ReferenceLine y={50} stroke="#d97706" strokeDasharray="4 4" />
        <Line
          type="linear"
          dataKey="medianReadiness"
          name="Median readiness"
          stroke="#1f5fbf"
          strokeWidth={2}
          dot={{ r: 3 }}
          isAnimationActive={false}
          connectNulls={false}
        />
        <Line
          type="linear"
          dataKey="meanReadiness"
          name="Mean readiness"
          stroke="#94a3b8"
          strokeDasharray="5 3"
          dot={false}
          isAnimationActive={false}
          connectNulls={false}
        />
        <Line
          type="linear"
          dataKey="readyPercent"
          name="Share ready (%)"
          stroke="#059669"
          dot={false}
          isAnimationActive={false}
          connectNulls={false}
        />
      </LineChart>
    </ChartFrame>
  );
}

/** One point of the scatter: only what it draws and its tooltip says. */
export interface ScatterPoint {
  pilotId: string;
  name: string;
  readiness: number;
  costPerOutcome: number;
}

export function CostScatter({ points, currency, yAxis }: { points: ScatterPoint[]; currency: string; yAxis: LogAxis }) {
  const router = useRouter();
  const slug = useOrgSlug();
  const money = new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: 2 });
  const compact = new Intl.NumberFormat("en", {
    style: "currency",
    currency,
    notation: "compact",
    maximumFractionDigits: 2,
  });
  return (
    <ChartFrame height={SCATTER_HEIGHT}>
      <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
        <CartesianGrid stroke={GRID} />
        <XAxis
          type="number"
          dataKey="readiness"
          name="Readiness"
          domain={SCORE_AXIS.domain}
          ticks={SCORE_AXIS.ticks}
          allowDataOverflow={false}
          tick={TICK}
          label={{ value: "Readiness score", position: "insideBottom", offset: -8, fontSize: 12 }}
        />
        <YAxis
          type="number"
          dataKey="costPerOutcome"
          name="Cost per outcome"
          scale="log"
          domain={yAxis.domain}
          ticks={yAxis.ticks}
          allowDataOverflow={false}
          interval={0}
          tick={TICK}
          width={64}
          tickFormatter={(v: number) => compact.format(v)}
        />
        <ZAxis range={[36, 36]} />
        <ReferenceLine x={75} stroke="#059669" strokeDasharray="4 4" />
        <Tooltip
          cursor={{ strokeDasharray: "3 3" }}
          content={({ payload }) => {
            const p = payload?.[0]?.payload as ScatterPoint | undefined;
            if (!p) return null;
            return (
              <div className="rounded bg-white p-2 text-xs shadow ring-1 ring-slate-200">
                <p className="font-semibold">{p.name}</p>
                <p>Readiness {round1(p.readiness)}</p>
                <p>{money.format(p.costPerOutcome)} per outcome</p>
              </div>
            );
          }}
        />
        <Scatter
          data={points}
          fill="#1f5fbf"
          fillOpacity={0.7}
          isAnimationActive={false}
          onClick={(p) => router.push(orgPath(slug, `/pilots/${(p as unknown as ScatterPoint).pilotId}`))}
          cursor="pointer"
        />
      </ScatterChart>
    </ChartFrame>
  );
}
