/**
 * The reports say what the dashboard says: the report model's figures are the dashboard's own
 * for the same filters, and the PDF's text and the Word document's XML carry them.
 */
import { inflateRawSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { extractText } from "unpdf";
import { db } from "@/lib/db";
import { formatScore } from "@/lib/format";
import type { Actor } from "@/modules/access/shared";
import { createAccount, createTestPilot, seedScalePortfolio, type TestAccount } from "@/modules/demo";
import { getPortfolioCached, parsePortfolioFilters } from "@/modules/portfolio";
import { buildPilotReport, buildPortfolioReport, headlineFigures, renderReportDocx, renderReportPdf } from ".";

let owner: TestAccount;
let actor: Actor & { organizationName: string; currency: string };
const NOW = new Date();

/** The text of one entry of a zip archive (a .docx), by its name. */
function unzipEntry(zip: Buffer, name: string): string {
  // Central directory: find the entry, then read its local header and inflate the data.
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip.readUInt32LE(i) !== 0x06054b50) continue;
    let p = zip.readUInt32LE(i + 16);
    const count = zip.readUInt16LE(i + 10);
    for (let k = 0; k < count; k++) {
      const method = zip.readUInt16LE(p + 10);
      const size = zip.readUInt32LE(p + 20);
      const nameLength = zip.readUInt16LE(p + 28);
      const extra = zip.readUInt16LE(p + 30);
      const comment = zip.readUInt16LE(p + 32);
      const local = zip.readUInt32LE(p + 42);
      const entry = zip.subarray(p + 46, p + 46 + nameLength).toString("utf8");
      if (entry === name) {
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const data = zip.subarray(start, start + size);
        return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
      }
      p += 46 + nameLength + extra + comment;
    }
  }
  throw new Error(`${name} not in the archive`);
}

const pdfText = async (bytes: Buffer) => (await extractText(new Uint8Array(bytes), { mergePages: true })).text;

beforeAll(async () => {
  owner = await createAccount({ organizationName: "Report Test" });
  const seeded = await seedScalePortfolio(24, owner.userId, { now: NOW });
  const org = await db.organization.findUniqueOrThrow({ where: { id: seeded.organizationId } });
  actor = {
    userId: owner.userId,
    organizationId: org.id,
    role: "OWNER",
    organizationName: org.name,
    currency: org.currency,
  };
}, 60_000);

describe("the portfolio report", () => {
  for (const [name, query] of [
    ["the whole portfolio", ""],
    ["a filtered view", "stage=PILOT&stage=PRODUCTION_INTENT&stalledDays=30"],
  ] as const) {
    it(`has the dashboard's figures for ${name}`, async () => {
      const params = new URLSearchParams(query);
      const report = await buildPortfolioReport(actor, params, { now: NOW });
      const portfolio = await getPortfolioCached(actor, parsePortfolioFilters(params), NOW);
      expect(report.filters).toEqual(portfolio.filters);
      expect(report.headline).toEqual(portfolio.headline);
      expect(report.verdicts).toEqual(portfolio.verdicts);
      expect(report.topGaps).toEqual(portfolio.topGaps);
      expect(report.stalled).toEqual(portfolio.stalled);
      expect(report.trend).toEqual(portfolio.trend);
      // A page per pilot the figures count, with the verdicts the dashboard counts.
      expect(report.pilots.length).toBe(portfolio.headline.total);
      expect(report.pilotsInView).toBe(portfolio.headline.total);
      const ready = report.pilots.filter((p) => p.verdict === "READY").length;
      expect(ready).toBe(portfolio.headline.ready);
      expect(report.pilots.filter((p) => p.verdict !== null).length).toBe(portfolio.headline.assessed);
      expect(report.summary.join(" ")).toContain(`${portfolio.headline.ready} of ${portfolio.headline.assessed}`);
    });
  }

  it("leaves out other organisations' pilots", async () => {
    const other = await createAccount({ organizationName: "Elsewhere" });
    await createTestPilot(other, { name: "Not yours" });
    const report = await buildPortfolioReport(actor, {}, { now: NOW });
    expect(report.pilots.map((p) => p.name)).not.toContain("Not yours");
  });

  it("renders a PDF whose text carries the headline figures, the pilots and the method", async () => {
    const report = await buildPortfolioReport(actor, {}, { now: NOW });
    const bytes = await renderReportPdf(report);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(bytes);
    for (const figure of headlineFigures(report.headline, report.filters.stalledDays)) {
      expect(text).toContain(figure.label);
      expect(text).toContain(figure.value);
    }
    expect(text).toContain(formatScore(report.headline.medianReadiness));
    expect(text).toContain("Executive summary");
    expect(text).toContain(report.pilots[0]!.name);
    expect(text).toContain("Follow-ups from workshops");
    expect(text).toContain(`version ${report.method.currentVersion}`);
  });

  it("renders a Word document (a zip) whose document.xml carries the same figures", async () => {
    const report = await buildPortfolioReport(actor, {}, { now: NOW });
    const bytes = await renderReportDocx(report);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const xml = unzipEntry(bytes, "word/document.xml");
    for (const figure of headlineFigures(report.headline, report.filters.stalledDays)) {
      expect(xml).toContain(figure.label);
      expect(xml).toContain(figure.value);
    }
    expect(xml).toContain("Method: how scores and verdicts are computed");
  });
});

describe("the pilot report", () => {
  it("has the pilot's latest verdict, pillar scores and gaps with next steps", async () => {
    const pilot = await db.pilot.findFirstOrThrow({
      where: { organizationId: actor.organizationId, latestAssessment: { is: { gapKeys: { isEmpty: false } } } },
      include: { latestAssessment: { include: { pillarScores: true } } },
    });
    const report = await buildPilotReport(actor, pilot.id, { now: NOW });
    expect(report.pilot.verdict).toBe(pilot.latestAssessment!.verdict);
    expect(report.pilot.readiness).toBe(pilot.latestAssessment!.readinessScore);
    expect(report.pilot.pillars).toHaveLength(pilot.latestAssessment!.pillarScores.length);
    expect(report.pilot.gaps.length).toBeGreaterThan(0);
    expect(report.pilot.gaps[0]!.nextStep).not.toBe("");
    const text = await pdfText(await renderReportPdf(report));
    expect(text).toContain(pilot.name);
    expect(text).toContain(report.pilot.gaps[0]!.title);
  });

  it("is not found for another organisation's pilot", async () => {
    const other = await createAccount({ organizationName: "Other" });
    const theirs = await createTestPilot(other);
    await expect(buildPilotReport(actor, theirs.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
