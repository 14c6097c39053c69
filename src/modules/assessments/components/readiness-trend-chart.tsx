"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import type { Verdict } from "@/modules/scoring";
import { formatDate, formatScore } from "@/lib/format";
import { VERDICT_LABELS } from "./verdict-badge";

export interface TrendPoint {
  /** Completion time, ms since the epoch. */
  at: number;
  readiness: number | null;
  mean: number | null;
  verdict: Verdict | null;
}

function TrendTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as TrendPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-md bg-white px-3 py-2 text-sm shadow-md ring-1 ring-slate-200">
      <p className="font-semibold text-slate-900">{formatDate(new Date(point.at))}</p>
      {point.verdict && <p className="text-slate-700">Verdict: {VERDICT_LABELS[point.verdict]}</p>}
      <p className="tabular-nums text-slate-700">Readiness: {formatScore(point.readiness)}</p>
      <p className="tabular-nums text-slate-700">Mean of pillars: {formatScore(point.mean)}</p>
    </div>
  );
}

const shortDate = (at: number) =>
  new Intl.DateTimeFormat("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" }).format(new Date(at));

/** Readiness (the lowest pillar) and the mean of the pillars over completed assessments. */
export function ReadinessTrendChart({
  points,
  thresholds,
}: {
  points: TrendPoint[];
  thresholds: { ready: number; conditional: number };
}) {
  const first = points[0]?.at ?? 0;
  const last = points[points.length - 1]?.at ?? 0;
  const pad = Math.max((last - first) * 0.05, 7 * 86_400_000);
  return (
    <div
      className="h-64 w-full"
      role="img"
      aria-label="Line chart of readiness and the mean of pillars by completion date; the history table lists the same figures."
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 16, right: 24, bottom: 4, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={[first - pad, last + pad]}
            ticks={points.map((p) => p.at)}
            tickFormatter={shortDate}
            tick={{ fontSize: 12, fill: "#475569" }}
          />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} width={36} tick={{ fontSize: 12, fill: "#475569" }} />
          <Tooltip content={TrendTooltip} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine
            y={thresholds.ready}
            stroke="#047857"
            strokeDasharray="4 3"
            label={{ value: `Ready ${thresholds.ready}`, position: "insideTopRight", fill: "#065f46", fontSize: 11 }}
          />
          <ReferenceLine
            y={thresholds.conditional}
            stroke="#b45309"
            strokeDasharray="4 3"
            label={{
              value: `Conditional ${thresholds.conditional}`,
              position: "insideTopRight",
              fill: "#92400e",
              fontSize: 11,
            }}
          />
          <Line
            type="monotone"
            dataKey="readiness"
            name="Readiness (lowest pillar)"
            stroke="#1f5fbf"
            strokeWidth={2.5}
            dot={{ r: 4 }}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="mean"
            name="Mean of pillars"
            stroke="#64748b"
            strokeWidth={2}
            strokeDasharray="6 4"
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
