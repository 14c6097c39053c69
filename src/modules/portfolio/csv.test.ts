import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csvCell", () => {
  it("writes plain values as they are and nothing for null", () => {
    expect(csvCell("Invoice triage")).toBe("Invoice triage");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(-3.5)).toBe("-3.5"); // a negative number stays a number
    expect(csvCell(0)).toBe("0");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell("")).toBe("");
  });

  it("quotes fields with commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell("Finance, EMEA")).toBe('"Finance, EMEA"');
    expect(csvCell('The "smart" router')).toBe('"The ""smart"" router"');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it("neutralises text that a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell("+1 555 0100")).toBe("'+1 555 0100");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("a=1")).toBe("a=1");
  });
});

describe("toCsv", () => {
  const columns = [
    { header: "Pilot", value: (r: { name: string; score: number | null }) => r.name },
    { header: "Score, %", value: (r: { name: string; score: number | null }) => r.score },
  ];

  it("writes a header and one CRLF-terminated line per row", () => {
    expect(
      toCsv(
        [
          { name: "Alpha", score: 86.1 },
          { name: "=cmd|' /C calc'!A0", score: null },
        ],
        columns,
      ),
    ).toBe(`Pilot,"Score, %"\r\nAlpha,86.1\r\n'=cmd|' /C calc'!A0,\r\n`);
  });

  it("writes only the header when there are no rows", () => {
    expect(toCsv([], columns)).toBe(`Pilot,"Score, %"\r\n`);
  });
});
