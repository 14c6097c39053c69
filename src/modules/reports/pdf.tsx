import "server-only";
import {
  Document,
  Font,
  Line,
  Page,
  Polyline,
  Rect,
  renderToBuffer,
  StyleSheet,
  Svg,
  Text,
  View,
} from "@react-pdf/renderer";
import { formatCoverage, formatDate, formatScore, plural } from "@/lib/format";
import {
  headlineFigures,
  methodParagraphs,
  monthName,
  stageLabel,
  verdictLabel,
  type FollowUp,
  type PilotReport,
  type PortfolioReport,
  type Report,
  type ReportMethod,
  type ReportPilot,
} from "./model";

/**
 * The PDF renderer: A4 pages drawn with react-pdf on the server, in the built-in Helvetica (no
 * font is fetched), charts drawn with its SVG primitives (no browser).
 */

// Words are not hyphenated: reports read better whole, and hyphenation is most of the layout time.
Font.registerHyphenationCallback((word) => [word]);

const INK = "#0f172a";
const MUTED = "#475569";
const LINE = "#cbd5e1";
const BRAND = "#1d4ed8";
const VERDICT_COLOURS: Record<string, string> = {
  READY: "#059669",
  CONDITIONAL: "#f59e0b",
  NOT_READY: "#ea580c",
  BLOCKED: "#dc2626",
  INCOMPLETE: "#64748b",
  NOT_ASSESSED: "#cbd5e1",
};
const scoreColour = (score: number | null) =>
  score === null ? "#cbd5e1" : score >= 75 ? "#059669" : score >= 50 ? "#f59e0b" : "#dc2626";

const s = StyleSheet.create({
  page: { paddingTop: 48, paddingBottom: 56, paddingHorizontal: 48, fontFamily: "Helvetica", fontSize: 10, color: INK },
  cover: { paddingTop: 200, paddingHorizontal: 64, fontFamily: "Helvetica", color: INK },
  brand: { fontSize: 11, color: BRAND, fontFamily: "Helvetica-Bold", letterSpacing: 1 },
  title: { fontSize: 26, fontFamily: "Helvetica-Bold", marginTop: 12 },
  subtitle: { fontSize: 14, color: MUTED, marginTop: 8 },
  h1: { fontSize: 16, fontFamily: "Helvetica-Bold", marginBottom: 10 },
  h2: { fontSize: 12, fontFamily: "Helvetica-Bold", marginTop: 14, marginBottom: 6 },
  p: { marginBottom: 5 },
  muted: { color: MUTED },
  small: { fontSize: 8, color: MUTED },
  bullet: { flexDirection: "row", marginBottom: 4 },
  figures: { flexDirection: "row", gap: 6, marginTop: 6 },
  figure: { flex: 1, borderWidth: 1, borderColor: LINE, borderRadius: 4, padding: 6 },
  figureValue: { fontSize: 18, fontFamily: "Helvetica-Bold", marginTop: 2 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: LINE, paddingVertical: 3 },
  th: { fontFamily: "Helvetica-Bold", color: MUTED, fontSize: 8 },
  footer: {
    position: "absolute",
    bottom: 24,
    left: 48,
    right: 48,
    flexDirection: "row",
    justifyContent: "space-between",
  },
  gap: { marginBottom: 6, paddingLeft: 6, borderLeftWidth: 2, borderLeftColor: LINE },
});

function Footer({ report }: { report: Report }) {
  return (
    <View style={s.footer} fixed>
      <Text style={s.small}>
        {report.organizationName} · Preflight · {formatDate(report.generatedAt)}
      </Text>
      <Text style={s.small} render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  );
}

function Bullets({ items }: { items: string[] }) {
  return (
    <View>
      {items.map((item, i) => (
        <View key={i} style={s.bullet}>
          <Text style={{ width: 10 }}>•</Text>
          <Text style={{ flex: 1 }}>{item}</Text>
        </View>
      ))}
    </View>
  );
}

/** A horizontal bar chart: label, bar, value (boxes, not SVG: a third faster to lay out). */
function Bars({
  items,
  max,
  width = 260,
}: {
  items: { label: string; value: number | null; text: string; colour: string }[];
  max: number;
  width?: number;
}) {
  return (
    <View>
      {items.map((item, i) => (
        <View key={i} style={{ flexDirection: "row", alignItems: "center", marginBottom: 3 }}>
          <Text style={{ width: 150, fontSize: 9 }}>{item.label}</Text>
          <View style={{ width, height: 10, backgroundColor: "#f1f5f9" }}>
            <View
              style={{
                width: item.value === null || max <= 0 ? 0 : Math.max(1, (item.value / max) * width),
                height: 10,
                backgroundColor: item.colour,
              }}
            />
          </View>
          <Text style={{ marginLeft: 6, fontSize: 9 }}>{item.text}</Text>
        </View>
      ))}
    </View>
  );
}

/** Median readiness month by month, as a small line on a 0–100 scale. */
function TrendLine({ trend }: { trend: PortfolioReport["trend"] }) {
  const width = 420;
  const height = 90;
  const points = trend
    .map((m, i) => ({ i, v: m.medianReadiness }))
    .filter((p): p is { i: number; v: number } => p.v !== null);
  if (points.length === 0) return <Text style={s.muted}>Not assessed: no completed assessments in this view yet.</Text>;
  const x = (i: number) => (trend.length <= 1 ? width / 2 : (i / (trend.length - 1)) * width);
  const y = (v: number) => height - (v / 100) * height;
  return (
    <View>
      <Svg width={width} height={height + 2}>
        {[0, 50, 75, 100].map((t) => (
          <Line key={t} x1={0} x2={width} y1={y(t)} y2={y(t)} stroke={LINE} strokeWidth={0.5} />
        ))}
        <Polyline
          points={points.map((p) => `${x(p.i)},${y(p.v)}`).join(" ")}
          stroke={BRAND}
          strokeWidth={1.5}
          fill="none"
        />
        {points.map((p) => (
          <Rect key={p.i} x={x(p.i) - 1.5} y={y(p.v) - 1.5} width={3} height={3} fill={BRAND} />
        ))}
      </Svg>
      <View style={{ flexDirection: "row", justifyContent: "space-between", width }}>
        <Text style={s.small}>{monthName(trend[0]!.month)}</Text>
        <Text style={s.small}>Median readiness, 0–100 (lines at 50 and 75)</Text>
        <Text style={s.small}>{monthName(trend.at(-1)!.month)}</Text>
      </View>
    </View>
  );
}

function Table<T>({
  columns,
  rows,
}: {
  columns: { header: string; width: number | string; cell: (r: T) => string }[];
  rows: T[];
}) {
  return (
    <View>
      <View style={s.row}>
        {columns.map((c) => (
          <Text key={c.header} style={[s.th, { width: c.width }]}>
            {c.header}
          </Text>
        ))}
      </View>
      {rows.map((r, i) => (
        <View key={i} style={s.row} wrap={false}>
          {columns.map((c) => (
            <Text key={c.header} style={{ width: c.width, fontSize: 9 }}>
              {c.cell(r)}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

function PilotPage({ pilot, report }: { pilot: ReportPilot; report: Report }) {
  return (
    <Page size="A4" style={s.page}>
      <Text style={s.h1}>{pilot.name}</Text>
      <Text style={[s.p, s.muted]}>{pilot.summary}</Text>
      <View style={s.figures}>
        <View style={s.figure}>
          <Text style={s.small}>Verdict</Text>
          <Text style={[s.figureValue, { fontSize: 13, color: VERDICT_COLOURS[pilot.verdict ?? "NOT_ASSESSED"] }]}>
            {verdictLabel(pilot.verdict)}
          </Text>
        </View>
        <View style={s.figure}>
          <Text style={s.small}>Readiness (0–100)</Text>
          <Text style={[s.figureValue, { fontSize: 13 }]}>{formatScore(pilot.readiness)}</Text>
        </View>
        <View style={s.figure}>
          <Text style={s.small}>Stage</Text>
          <Text style={[s.figureValue, { fontSize: 13 }]}>{stageLabel(pilot.stage)}</Text>
          <Text style={s.small}>for {plural(pilot.daysInStage, "day")}</Text>
        </View>
        <View style={s.figure}>
          <Text style={s.small}>Owner</Text>
          <Text style={[s.figureValue, { fontSize: 11 }]}>{pilot.ownerName ?? "Not named"}</Text>
        </View>
      </View>
      <Text style={[s.p, { marginTop: 8 }]}>
        {pilot.businessUnit} · {pilot.owningTeam}
        {pilot.executiveSponsor ? ` · Sponsor: ${pilot.executiveSponsor}` : ""}
        {pilot.assessedAt
          ? ` · Assessed ${formatDate(pilot.assessedAt)} (framework version ${pilot.frameworkVersion ?? "—"}) · Mean of pillars ${formatScore(pilot.mean)} · Coverage ${formatCoverage(pilot.coverage)}`
          : " · Not assessed yet"}
      </Text>
      {pilot.pillars.length > 0 && (
        <>
          <Text style={s.h2}>Pillar scores</Text>
          <Bars
            max={100}
            items={pilot.pillars.map((p) => ({
              label: p.title,
              value: p.score,
              text: formatScore(p.score),
              colour: scoreColour(p.score),
            }))}
          />
        </>
      )}
      {pilot.verdict !== null && (
        <>
          <Text style={s.h2}>
            Top gaps and next steps
            {pilot.gapCount > pilot.gaps.length ? ` (${pilot.gaps.length} of ${pilot.gapCount})` : ""}
          </Text>
          {pilot.gaps.length === 0 ? (
            <Text style={s.muted}>No gaps: every answered criterion meets its target level.</Text>
          ) : (
            pilot.gaps.map((g, i) => (
              <View key={i} style={[s.gap, g.isGate ? { borderLeftColor: "#dc2626" } : {}]} wrap={false}>
                <Text style={{ fontFamily: "Helvetica-Bold" }}>
                  {i + 1}. {g.title}
                  {g.isGate ? " (gate)" : ""} — level {g.level} of target {g.targetLevel}
                </Text>
                <Text style={[s.p, { marginBottom: 0 }]}>Next step: {g.nextStep}</Text>
              </View>
            ))
          )}
        </>
      )}
      {report.kind === "pilot" && report.history.length > 0 && (
        <>
          <Text style={s.h2}>Assessment history</Text>
          <Table
            rows={report.history}
            columns={[
              { header: "Completed", width: "40%", cell: (h) => formatDate(h.completedAt) },
              { header: "Verdict", width: "30%", cell: (h) => verdictLabel(h.verdict) },
              { header: "Readiness", width: "30%", cell: (h) => formatScore(h.readiness) },
            ]}
          />
        </>
      )}
      <Footer report={report} />
    </Page>
  );
}

function FollowUpsPage({ followUps, report }: { followUps: FollowUp[]; report: Report }) {
  return (
    <Page size="A4" style={s.page}>
      <Text style={s.h1}>Follow-ups from workshops</Text>
      {followUps.length === 0 ? (
        <Text style={s.muted}>No follow-ups from workshops are recorded for the pilots in this report.</Text>
      ) : (
        <Table
          rows={followUps}
          columns={[
            { header: "Follow-up", width: "32%", cell: (f) => f.title },
            { header: "Pilot", width: "20%", cell: (f) => f.pilotName ?? "—" },
            { header: "Why", width: "26%", cell: (f) => f.why },
            { header: "Workshop", width: "22%", cell: (f) => f.workshop },
          ]}
        />
      )}
      <Footer report={report} />
    </Page>
  );
}

function MethodPage({ method, report }: { method: ReportMethod; report: Report }) {
  return (
    <Page size="A4" style={s.page}>
      <Text style={s.h1}>Method: how scores and verdicts are computed</Text>
      {methodParagraphs(method).map((para, i) => (
        <Text key={i} style={s.p}>
          {para}
        </Text>
      ))}
      <Footer report={report} />
    </Page>
  );
}

function Cover({
  title,
  subtitle,
  report,
  lines,
}: {
  title: string;
  subtitle: string;
  report: Report;
  lines: string[];
}) {
  return (
    <Page size="A4" style={s.cover}>
      <Text style={s.brand}>PREFLIGHT</Text>
      <Text style={s.title}>{title}</Text>
      <Text style={s.subtitle}>{subtitle}</Text>
      <Text style={[s.subtitle, { fontSize: 11 }]}>Figures as of {formatDate(report.generatedAt)}</Text>
      <View style={{ marginTop: 24 }}>
        {lines.map((l, i) => (
          <Text key={i} style={[s.small, { fontSize: 9, marginBottom: 2 }]}>
            {l}
          </Text>
        ))}
      </View>
    </Page>
  );
}

function PortfolioDocument({ report }: { report: PortfolioReport }) {
  const figures = headlineFigures(report.headline, report.filters.stalledDays);
  const maxVerdict = Math.max(1, ...report.verdicts.map((v) => v.pilots));
  return (
    <Document title={`AI pilot portfolio — ${report.organizationName}`} author="Preflight" creator="Preflight">
      <Cover title="AI pilot portfolio" subtitle={report.organizationName} report={report} lines={report.view} />
      <Page size="A4" style={s.page}>
        <Text style={s.h1}>Executive summary</Text>
        <Bullets items={report.summary} />
        <View style={s.figures}>
          {figures.map((f) => (
            <View key={f.label} style={s.figure}>
              <Text style={s.small}>{f.label}</Text>
              <Text style={s.figureValue}>{f.value}</Text>
            </View>
          ))}
        </View>
        <Text style={s.h2}>Verdicts</Text>
        <Bars
          max={maxVerdict}
          items={report.verdicts.map((v) => ({
            label: verdictLabel(v.verdict),
            value: v.pilots,
            text: v.pilots.toLocaleString("en"),
            colour: VERDICT_COLOURS[v.verdict]!,
          }))}
        />
        <Text style={s.h2}>Average score by pillar</Text>
        {report.pillarAverages.length === 0 ? (
          <Text style={s.muted}>Not assessed: no completed assessments in this view.</Text>
        ) : (
          <Bars
            max={100}
            items={report.pillarAverages.map((p) => ({
              label: p.title,
              value: p.average,
              text: `${formatScore(p.average)} (${plural(p.pilots, "pilot")})`,
              colour: scoreColour(p.average),
            }))}
          />
        )}
        <Text style={s.h2}>Readiness over time</Text>
        <TrendLine trend={report.trend} />
        <Footer report={report} />
      </Page>
      <Page size="A4" style={s.page}>
        <Text style={s.h1}>Gaps that recur across the portfolio</Text>
        {report.topGaps.length === 0 ? (
          <Text style={s.muted}>No criterion is below target in this view.</Text>
        ) : (
          <Table
            rows={report.topGaps}
            columns={[
              { header: "Criterion", width: "65%", cell: (g) => `${g.title}${g.isGate ? " (gate)" : ""}` },
              {
                header: "Pilots below target",
                width: "35%",
                cell: (g) => `${g.pilots} of ${plural(report.headline.assessed, "pilot")}`,
              },
            ]}
          />
        )}
        <Text style={s.h2}>Stalled pilots ({report.stalled.total.toLocaleString("en")})</Text>
        {report.stalled.rows.length === 0 ? (
          <Text style={s.muted}>No pilot is stalled.</Text>
        ) : (
          <Table
            rows={report.stalled.rows}
            columns={[
              { header: "Pilot", width: "40%", cell: (p) => p.name },
              { header: "Stage", width: "20%", cell: (p) => stageLabel(p.stage) },
              { header: "Days in stage", width: "20%", cell: (p) => p.daysInStage.toLocaleString("en") },
              { header: "Last assessed", width: "20%", cell: (p) => formatDate(p.lastAssessedAt) },
            ]}
          />
        )}
        <Text style={s.h2}>Pilots in this report</Text>
        <Text style={s.p}>
          {report.pilots.length < report.pilotsInView
            ? `A page for each of the ${report.pilots.length} least ready of the ${report.pilotsInView.toLocaleString("en")} pilots in view follows.`
            : `A page for each of the ${plural(report.pilots.length, "pilot")} in view follows, least ready first.`}
        </Text>
        <Table
          rows={report.pilots}
          columns={[
            { header: "Pilot", width: "40%", cell: (p) => p.name },
            { header: "Stage", width: "20%", cell: (p) => stageLabel(p.stage) },
            { header: "Verdict", width: "20%", cell: (p) => verdictLabel(p.verdict) },
            { header: "Readiness", width: "20%", cell: (p) => formatScore(p.readiness) },
          ]}
        />
        <Footer report={report} />
      </Page>
      {report.pilots.map((p) => (
        <PilotPage key={p.id} pilot={p} report={report} />
      ))}
      <FollowUpsPage followUps={report.followUps} report={report} />
      <MethodPage method={report.method} report={report} />
    </Document>
  );
}

function PilotDocument({ report }: { report: PilotReport }) {
  return (
    <Document title={`${report.pilot.name} — readiness report`} author="Preflight" creator="Preflight">
      <Page size="A4" style={s.page}>
        <Text style={s.brand}>PREFLIGHT · {report.organizationName.toUpperCase()}</Text>
        <Text style={[s.h1, { marginTop: 8 }]}>Readiness report: {report.pilot.name}</Text>
        <Text style={s.h2}>Summary</Text>
        <Bullets items={report.summary} />
        <Footer report={report} />
      </Page>
      <PilotPage pilot={report.pilot} report={report} />
      <FollowUpsPage followUps={report.followUps} report={report} />
      <MethodPage method={report.method} report={report} />
    </Document>
  );
}

/** The report as PDF bytes. */
export async function renderReportPdf(report: Report): Promise<Buffer> {
  return renderToBuffer(
    report.kind === "portfolio" ? <PortfolioDocument report={report} /> : <PilotDocument report={report} />,
  );
}
