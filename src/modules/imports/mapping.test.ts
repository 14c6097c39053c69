import { describe, expect, it } from "vitest";
import { cellDate, cellTags, cellWholeNumber, dateFromText } from "./cells";
import { detectMapping, fieldForHeading, stageFromText } from "./mapping";
import { columnMappingSchema } from "./schemas";

describe("column mapping", () => {
  it("recognises common headings, whatever their case, accents and units", () => {
    expect(
      detectMapping([
        "Title",
        "Short description",
        "Business Unit",
        "Department",
        "Squad",
        "Owner",
        "Owner e-mail",
        "Executive sponsor",
        "Phase",
        "Kick-off date",
        "Target go-live",
        "Monthly cost (€)",
        "Labels",
        "External ID",
        "Comments",
      ]),
    ).toEqual([
      "name",
      "summary",
      "businessUnit",
      null, // a second business unit column is left for the user to map
      "owningTeam",
      "ownerName",
      "ownerEmail",
      "executiveSponsor",
      "stage",
      "startDate",
      "targetProductionDate",
      "monthlyRunCost",
      "tags",
      "externalId",
      null,
    ]);
    expect(fieldForHeading("Use case")).toBe("name");
    expect(fieldForHeading("Department")).toBe("businessUnit");
    expect(fieldForHeading("Start date [dd/mm/yyyy]")).toBe("startDate");
  });

  it("reads stages as clients write them", () => {
    expect(stageFromText("POC")).toBe("PILOT");
    expect(stageFromText("Proof of concept")).toBe("PILOT");
    expect(stageFromText("Live")).toBe("PRODUCTION");
    expect(stageFromText("In production")).toBe("PRODUCTION");
    expect(stageFromText(" production_intent ")).toBe("PRODUCTION_INTENT");
    expect(stageFromText("Cancelled")).toBe("RETIRED");
    expect(stageFromText("Sometime")).toBeNull();
  });

  it("refuses a mapping that fills one field from two columns", () => {
    expect(columnMappingSchema.safeParse(["name", "name"]).success).toBe(false);
    expect(columnMappingSchema.safeParse(["name", null, "stage"]).success).toBe(true);
    expect(columnMappingSchema.safeParse(["nope"]).success).toBe(false);
  });
});

describe("cells", () => {
  it("reads dates from date cells, Excel serial numbers and text", () => {
    expect(cellDate(new Date(Date.UTC(2026, 2, 31)))).toEqual({ ok: true, value: "2026-03-31" });
    expect(cellDate(46112)).toEqual({ ok: true, value: "2026-03-31" });
    expect(cellDate("46112")).toEqual({ ok: true, value: "2026-03-31" });
    expect(dateFromText("2026-03-31")).toEqual({ ok: true, value: "2026-03-31" });
    expect(dateFromText("31/03/2026")).toEqual({ ok: true, value: "2026-03-31" });
    expect(dateFromText("03/31/2026")).toEqual({ ok: true, value: "2026-03-31" });
    expect(dateFromText("31.03.2026")).toEqual({ ok: true, value: "2026-03-31" });
    expect(dateFromText("31 March 2026")).toEqual({ ok: true, value: "2026-03-31" });
    expect(dateFromText("March 31, 2026")).toEqual({ ok: true, value: "2026-03-31" });
    expect(dateFromText("31-Mar-26")).toEqual({ ok: true, value: "2026-03-31" });
    expect(dateFromText("03/04/2026")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/3 April or 4 March/),
    });
    expect(dateFromText("2026-02-30")).toMatchObject({ ok: false });
    expect(dateFromText("soon")).toMatchObject({ ok: false });
  });

  it("reads amounts with currency signs and separators, rounded to whole units", () => {
    expect(cellWholeNumber("€ 1,250")).toBe("1250");
    expect(cellWholeNumber("1200.60 EUR")).toBe("1201");
    expect(cellWholeNumber(99.4)).toBe("99");
    expect(cellWholeNumber("a lot")).toBe("a lot");
  });

  it("splits tags on commas, semicolons and bars", () => {
    expect(cellTags("llm; claims | ocr,")).toBe("llm,claims,ocr");
  });
});
