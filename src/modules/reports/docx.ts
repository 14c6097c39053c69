import "server-only";
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { formatCoverage, formatDate, formatScore, plural } from "@/lib/format";
import {
  headlineFigures,
  methodParagraphs,
  stageLabel,
  verdictLabel,
  type FollowUp,
  type PilotReport,
  type PortfolioReport,
  type Report,
  type ReportPilot,
} from "./model";

/**
 * The Word renderer: the same report as an editable document (headings, paragraphs and plain
 * tables in Word's default styles), so a consultant can adjust the words before it goes to the
 * client. Charts are given as their numbers in tables: they stay editable.
 */

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1) =>
  new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } });
const para = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
  new Paragraph({ children: [new TextRun({ text, ...options })], spacing: { after: 100 } });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });
const pageBreak = () => new Paragraph({ children: [new PageBreak()] });

function table(headers: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

function pilotSection(p: ReportPilot, history?: PilotReport["history"]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    heading(p.name, HeadingLevel.HEADING_2),
    para(p.summary, { italics: true }),
    table(
      ["Verdict", "Readiness", "Stage", "Owner"],
      [
        [
          verdictLabel(p.verdict),
          formatScore(p.readiness),
          `${stageLabel(p.stage)}, ${plural(p.daysInStage, "day")}`,
          p.ownerName ?? "Not named",
        ],
      ],
    ),
    para(
      `${p.businessUnit} · ${p.owningTeam}` +
        (p.executiveSponsor ? ` · Sponsor: ${p.executiveSponsor}` : "") +
        (p.assessedAt
          ? ` · Assessed ${formatDate(p.assessedAt)} (framework version ${p.frameworkVersion ?? "—"}) · Mean of pillars ${formatScore(p.mean)} · Coverage ${formatCoverage(p.coverage)}`
          : " · Not assessed yet"),
    ),
  ];
  if (p.pillars.length > 0) {
    out.push(heading("Pillar scores", HeadingLevel.HEADING_3));
    out.push(
      table(
        ["Pillar", "Score (0–100)"],
        p.pillars.map((x) => [x.title, formatScore(x.score)]),
      ),
    );
  }
  if (p.verdict !== null) {
    out.push(heading("Top gaps and next steps", HeadingLevel.HEADING_3));
    if (p.gaps.length === 0) out.push(para("No gaps: every answered criterion meets its target level."));
    p.gaps.forEach((g, i) => {
      out.push(
        new Paragraph({
          children: [
            new TextRun({
              text: `${i + 1}. ${g.title}${g.isGate ? " (gate)" : ""} — level ${g.level} of target ${g.targetLevel}`,
              bold: true,
            }),
          ],
        }),
      );
      out.push(para(`Next step: ${g.nextStep}`));
    });
    if (p.gapCount > p.gaps.length) out.push(para(`${p.gaps.length} of ${p.gapCount} gaps shown.`, { italics: true }));
  }
  if (history && history.length > 0) {
    out.push(heading("Assessment history", HeadingLevel.HEADING_3));
    out.push(
      table(
        ["Completed", "Verdict", "Readiness"],
        history.map((h) => [formatDate(h.completedAt), verdictLabel(h.verdict), formatScore(h.readiness)]),
      ),
    );
  }
  return out;
}

function followUpsSection(followUps: FollowUp[]): (Paragraph | Table)[] {
  return [
    heading("Follow-ups from workshops"),
    followUps.length === 0
      ? para("No follow-ups from workshops are recorded for the pilots in this report.")
      : table(
          ["Follow-up", "Pilot", "Why", "Workshop"],
          followUps.map((f) => [f.title, f.pilotName ?? "—", f.why, f.workshop]),
        ),
  ];
}

function portfolioBody(r: PortfolioReport): (Paragraph | Table)[] {
  const figures = headlineFigures(r.headline, r.filters.stalledDays);
  return [
    new Paragraph({ text: "AI pilot portfolio", heading: HeadingLevel.TITLE }),
    para(r.organizationName, { bold: true }),
    para(`Figures as of ${formatDate(r.generatedAt)}`),
    ...r.view.map((line) => para(line)),
    heading("Executive summary"),
    ...r.summary.map(bullet),
    table(
      figures.map((f) => f.label),
      [figures.map((f) => f.value)],
    ),
    heading("Verdicts", HeadingLevel.HEADING_2),
    table(
      ["Verdict", "Pilots"],
      r.verdicts.map((v) => [verdictLabel(v.verdict), v.pilots.toLocaleString("en")]),
    ),
    heading("Average score by pillar", HeadingLevel.HEADING_2),
    r.pillarAverages.length === 0
      ? para("Not assessed: no completed assessments in this view.")
      : table(
          ["Pillar", "Average (0–100)", "Pilots"],
          r.pillarAverages.map((p) => [p.title, formatScore(p.average), p.pilots.toLocaleString("en")]),
        ),
    heading("Readiness over time", HeadingLevel.HEADING_2),
    table(
      ["Month", "Assessed pilots", "Median readiness", "Ready"],
      r.trend
        .filter((m) => m.assessedPilots > 0)
        .map((m) => [
          m.month,
          `${m.assessedPilots} of ${m.pilots}`,
          formatScore(m.medianReadiness),
          m.readyShare === null ? "—" : `${Math.round(m.readyShare * 100)}%`,
        ]),
    ),
    heading("Gaps that recur across the portfolio", HeadingLevel.HEADING_2),
    r.topGaps.length === 0
      ? para("No criterion is below target in this view.")
      : table(
          ["Criterion", "Pilots below target"],
          r.topGaps.map((g) => [`${g.title}${g.isGate ? " (gate)" : ""}`, `${g.pilots} of ${r.headline.assessed}`]),
        ),
    heading(`Stalled pilots (${r.stalled.total})`, HeadingLevel.HEADING_2),
    r.stalled.rows.length === 0
      ? para("No pilot is stalled.")
      : table(
          ["Pilot", "Stage", "Days in stage", "Last assessed"],
          r.stalled.rows.map((p) => [p.name, stageLabel(p.stage), String(p.daysInStage), formatDate(p.lastAssessedAt)]),
        ),
    pageBreak(),
    heading("Pilots"),
    para(
      r.pilots.length < r.pilotsInView
        ? `The ${r.pilots.length} least ready of the ${r.pilotsInView} pilots in view.`
        : `Every pilot in view, least ready first.`,
    ),
    ...r.pilots.flatMap((p) => pilotSection(p)),
  ];
}

function pilotBody(r: PilotReport): (Paragraph | Table)[] {
  return [
    new Paragraph({ text: `Readiness report: ${r.pilot.name}`, heading: HeadingLevel.TITLE }),
    para(`${r.organizationName} · figures as of ${formatDate(r.generatedAt)}`),
    heading("Summary"),
    ...r.summary.map(bullet),
    ...pilotSection(r.pilot, r.history),
  ];
}

/** The report as a .docx file. */
export async function renderReportDocx(report: Report): Promise<Buffer> {
  const doc = new Document({
    creator: "Preflight",
    title: report.kind === "portfolio" ? "AI pilot portfolio" : `Readiness report: ${report.pilot.name}`,
    styles: { default: { document: { run: { font: "Calibri", size: 21 } } } },
    sections: [
      {
        children: [
          ...(report.kind === "portfolio" ? portfolioBody(report) : pilotBody(report)),
          pageBreak(),
          ...followUpsSection(report.followUps),
          heading("Method: how scores and verdicts are computed"),
          ...methodParagraphs(report.method).map(
            (p) => new Paragraph({ text: p, alignment: AlignmentType.LEFT, spacing: { after: 100 } }),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
