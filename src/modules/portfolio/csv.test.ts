import { describe, expect, it } from "vitest";
import { csvCell, toCsv, UTF8_BOM } from "./csv";

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

  it("starts a file for download with a UTF-8 byte-order mark, before the header", () => {
    const rows = [{ name: "Zoë's triage", score: 1 }];
    const csv = toCsv(rows, columns, { byteOrderMark: true });
    expect(UTF8_BOM).toBe("\uFEFF");
    expect(csv).toBe(`\uFEFFPilot,"Score, %"\r\nZoë's triage,1\r\n`);
    // Encoded, the file begins with EF BB BF and keeps the accent as UTF-8.
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe(csv);
    // Without the option, no mark (a string for code, not a download).
    expect(toCsv(rows, columns).startsWith("Pilot")).toBe(true);
  });

  it("keeps the formula guard behind the mark: the first header still cannot run as a formula", () => {
    const formulaColumns = [{ header: "=1+1", value: (r: { v: string }) => r.v }];
    expect(toCsv([{ v: "@x" }], formulaColumns, { byteOrderMark: true })).toBe(`\uFEFF'=1+1\r\n'@x\r\n`);
  });
});
