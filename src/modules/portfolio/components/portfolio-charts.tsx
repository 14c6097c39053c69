"use client";

import { useRouter } from "next/navigation";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
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
import type { CostPoint, FunnelStage, TrendMonth, VerdictCount } from "../queries";
import { orgPath } from "@/modules/access/shared";
import { useOrgSlug } from "@/modules/access/client";

// Each chart sits beside a table or list with the same numbers: the chart is for the eye, the
// table for screen readers and for reading exact values. Charts are therefore aria-hidden.

const VERDICT_COLOURS: Record<string, string> = {
  READY: "#059669",
  CONDITIONAL: "#d97706",
  NOT_READY: "#ea580c",
  BLOCKED: "#dc2626",
  INCOMPLETE: "#64748b",
  NOT_ASSESSED: "#cbd5e1",
};

export function VerdictChart({ data }: { data: (VerdictCount & { label: string })[] }) {
  return (
    <div aria-hidden="true" className="h-56">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={96} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="pilots" name="Pilots" isAnimationActive={false} label={{ position: "right", fontSize: 12 }}>
            {data.map((d) => (
              <Cell key={d.verdict} fill={VERDICT_COLOURS[d.verdict]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function FunnelChart({ data }: { data: (FunnelStage & { label: string })[] }) {
  return (
    <div aria-hidden="true" className="h-56">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 16, right: 8, left: 0 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
          <Tooltip />
          <Bar
            dataKey="pilots"
            name="Pilots now"
            fill="#1f5fbf"
            isAnimationActive={false}
            label={{ position: "top", fontSize: 12 }}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function TrendChart({ data }: { data: TrendMonth[] }) {
  // A month with no assessed pilot has no point (null), never 0; lines are straight (no smoothing
  // inventing values between months) and broken at gaps.
  const rows = data.map((m) => ({
    ...m,
    readyPercent: m.readyShare === null ? null : Math.round(m.readyShare * 100),
  }));
  return (
    <div aria-hidden="true" className="h-64">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} width={36} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine y={75} stroke="#059669" strokeDasharray="4 4" />
          <ReferenceLine y={50} stroke="#d97706" strokeDasharray="4 4" />
          <Line
            type="linear"
            dataKey="medianReadiness"
            name="Median readiness"
            stroke="#1f5fbf"
            strokeWidth={2}
            dot
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
      </ResponsiveContainer>
    </div>
  );
}

export function CostScatter({ points, currency }: { points: CostPoint[]; currency: string }) {
  const router = useRouter();
  const slug = useOrgSlug();
  const money = new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: 2 });
  return (
    <div aria-hidden="true" className="h-72">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis
            type="number"
            dataKey="readiness"
            name="Readiness"
            domain={[0, 100]}
            tick={{ fontSize: 12 }}
            label={{ value: "Readiness score", position: "insideBottom", offset: -8, fontSize: 12 }}
          />
          <YAxis
            type="number"
            dataKey="costPerOutcome"
            name="Cost per outcome"
            scale="log"
            domain={["auto", "auto"]}
            tick={{ fontSize: 12 }}
            width={64}
            tickFormatter={(v: number) => money.format(v)}
          />
          <ZAxis range={[40, 40]} />
          <ReferenceLine x={75} stroke="#059669" strokeDasharray="4 4" />
          <Tooltip
            cursor={{ strokeDasharray: "3 3" }}
            content={({ payload }) => {
              const p = payload?.[0]?.payload as CostPoint | undefined;
              if (!p) return null;
              return (
                <div className="rounded bg-white p-2 text-xs shadow ring-1 ring-slate-200">
                  <p className="font-semibold">{p.name}</p>
                  <p>Readiness {Math.round(p.readiness * 10) / 10}</p>
                  <p>{money.format(p.costPerOutcome)} per outcome</p>
                </div>
              );
            }}
          />
          <Scatter
            data={points}
            fill="#1f5fbf"
            isAnimationActive={false}
            onClick={(p) => router.push(orgPath(slug, `/pilots/${(p as unknown as CostPoint).pilotId}`))}
            cursor="pointer"
          />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
