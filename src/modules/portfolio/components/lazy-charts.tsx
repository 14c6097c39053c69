"use client";

// The Recharts charts, loaded after the page is shown (Recharts is most of the dashboard's
// JavaScript): the page's own bundle holds only these wrappers. Until a chart arrives, a blank
// box of its height keeps the layout still; the summary and the table beside it are
// server-rendered, so nothing depends on the chart loading.

import dynamic from "next/dynamic";
import type { TrendMonth } from "../queries";
import { SCATTER_HEIGHT, TREND_HEIGHT, type LogAxis } from "./chart-scales";
import type { ScatterPoint } from "./portfolio-charts";

const placeholder = (height: number) =>
  function ChartPlaceholder() {
    return <div aria-hidden="true" className="rounded-md bg-slate-50" style={{ height }} />;
  };

const Trend = dynamic(() => import("./portfolio-charts").then((m) => m.TrendChart), {
  ssr: false,
  loading: placeholder(TREND_HEIGHT),
});

const Scatter = dynamic(() => import("./portfolio-charts").then((m) => m.CostScatter), {
  ssr: false,
  loading: placeholder(SCATTER_HEIGHT),
});

export function LazyTrendChart({ data }: { data: TrendMonth[] }) {
  return <Trend data={data} />;
}

export function LazyCostScatter(props: { points: ScatterPoint[]; currency: string; yAxis: LogAxis }) {
  return <Scatter {...props} />;
}
