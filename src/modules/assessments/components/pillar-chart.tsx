"use client";

import { useEffect, useRef, useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import { formatCoverage, formatScore } from "@/lib/format";

export interface PillarBar {
  key: string;
  title: string;
  score: number | null;
  coverage: number | null;
  answered: number;
  applicable: number;
}

interface Row extends PillarBar {
  /** What the bar draws: an unscored pillar gets an invisible bar and a "Not scored" label. */
  plotted: number;
  label: string;
}

const COLOURS = { ready: "#059669", conditional: "#d97706", low: "#dc2626" };

function barColour(score: number | null, thresholds: { ready: number; conditional: number }): string {
  if (score === null) return "transparent";
  if (score >= thresholds.ready) return COLOURS.ready;
  if (score >= thresholds.conditional) return COLOURS.conditional;
  return COLOURS.low;
}

function PillarTooltip({ active, payload }: TooltipContentProps) {
  const row = payload?.[0]?.payload as Row | undefined;
  if (!active || !row) return null;
  return (
    <div className="rounded-md bg-white px-3 py-2 text-sm shadow-md ring-1 ring-slate-200">
      <p className="font-semibold text-slate-900">{row.title}</p>
      <p className="tabular-nums text-slate-700">Score: {formatScore(row.score)}</p>
      <p className="tabular-nums text-slate-700">
        Coverage: {formatCoverage(row.coverage)} ({row.answered} of {row.applicable} answered)
      </p>
    </div>
  );
}

/** Pillar scores 0–100 with the verdict thresholds. The figures are also in the table beside it. */
export function PillarChart({
  pillars,
  thresholds,
}: {
  pillars: PillarBar[];
  thresholds: { ready: number; conditional: number };
}) {
  // On a narrow screen (a phone) the axis, the labels and the margins shrink so the bars keep
  // most of the width; the figures stay in the table below the chart.
  const ref = useRef<HTMLDivElement>(null);
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => setNarrow((entry?.contentRect.width ?? 0) < 560));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const rows: Row[] = pillars.map((p) => ({
    ...p,
    plotted: p.score ?? 0,
    label:
      p.score === null
        ? "Not scored"
        : narrow
          ? formatScore(p.score)
          : `${formatScore(p.score)} · ${formatCoverage(p.coverage)} answered`,
  }));
  const threshold = (name: string, value: number) => (narrow ? String(value) : `${name} ${value}`);
  return (
    <div ref={ref}>
      <div
        className="h-72 w-full"
        role="img"
        aria-label="Bar chart of the pillar scores; the table lists the same figures."
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            layout="vertical"
            margin={{ top: 20, right: narrow ? 40 : 130, bottom: 4, left: narrow ? 0 : 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis
              type="number"
              domain={[0, 100]}
              ticks={narrow ? [0, 50, 100] : [0, 25, 50, 75, 100]}
              tick={{ fontSize: 12, fill: "#475569" }}
            />
            <YAxis
              type="category"
              dataKey="title"
              width={narrow ? 92 : 160}
              tick={{ fontSize: narrow ? 11 : 12, fill: "#1e293b" }}
              tickLine={false}
              axisLine={false}
            />
            <Tooltip content={PillarTooltip} cursor={{ fill: "#f1f5f9" }} />
            <ReferenceLine
              x={thresholds.conditional}
              stroke="#b45309"
              strokeDasharray="4 3"
              label={{
                value: threshold("Conditional", thresholds.conditional),
                position: "top",
                fill: "#92400e",
                fontSize: 11,
              }}
            />
            <ReferenceLine
              x={thresholds.ready}
              stroke="#047857"
              strokeDasharray="4 3"
              label={{ value: threshold("Ready", thresholds.ready), position: "top", fill: "#065f46", fontSize: 11 }}
            />
            <Bar dataKey="plotted" name="Score" barSize={22} radius={[0, 4, 4, 0]} isAnimationActive={false}>
              {rows.map((r) => (
                <Cell key={r.key} fill={barColour(r.score, thresholds)} />
              ))}
              <LabelList dataKey="label" position="right" style={{ fontSize: 12, fill: "#334155" }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      {narrow && (
        <p className="mt-1 text-xs text-slate-500">
          Dashed lines: conditional from {thresholds.conditional}, ready from {thresholds.ready}.
        </p>
      )}
    </div>
  );
}
