import { describe, expect, it } from "vitest";
import { DEFAULT_PORTFOLIO_FILTERS, hasPilotFilters, parsePortfolioFilters, toSearchParams } from "./filters";

describe("portfolio filters", () => {
  it("defaults to the whole portfolio", () => {
    expect(DEFAULT_PORTFOLIO_FILTERS).toEqual({ stalledDays: 90, groupBy: "unit", sort: "readiness" });
    expect(hasPilotFilters(DEFAULT_PORTFOLIO_FILTERS)).toBe(false);
  });

  it("parses URL search params, Next's searchParams objects and lower-cases tags", () => {
    const fromUrl = parsePortfolioFilters(
      new URLSearchParams(
        "unit=Finance&stage=PILOT&team=Ledger&tag=LLM&verdict=NOT_ASSESSED&stalledDays=30&groupBy=team&sort=-pillar:data",
      ),
    );
    expect(fromUrl).toEqual({
      unit: "Finance",
      stage: "PILOT",
      team: "Ledger",
      tag: "llm",
      verdict: "NOT_ASSESSED",
      stalledDays: 30,
      groupBy: "team",
      sort: "-pillar:data",
    });
    expect(parsePortfolioFilters({ unit: ["Finance", "Legal"], verdict: "READY" })).toMatchObject({
      unit: "Finance",
      verdict: "READY",
    });
  });

  it("falls back to defaults for bad values instead of failing", () => {
    expect(
      parsePortfolioFilters({
        unit: "",
        stage: "LAUNCHED",
        verdict: "GREAT",
        stalledDays: "0",
        groupBy: "country",
        sort: "pillar:'; DROP TABLE",
        tag: "x".repeat(41),
      }),
    ).toEqual(DEFAULT_PORTFOLIO_FILTERS);
    expect(parsePortfolioFilters({ stalledDays: "3651" }).stalledDays).toBe(90);
    expect(parsePortfolioFilters({ stalledDays: "12.5" }).stalledDays).toBe(90);
    expect(parsePortfolioFilters(null)).toEqual(DEFAULT_PORTFOLIO_FILTERS);
  });

  it("writes only non-default values, and round-trips", () => {
    expect(toSearchParams(DEFAULT_PORTFOLIO_FILTERS).toString()).toBe("");
    const filters = parsePortfolioFilters({
      unit: "Finance & Risk",
      verdict: "BLOCKED",
      stalledDays: "120",
      groupBy: "team",
    });
    const params = toSearchParams(filters);
    expect(params.toString()).toBe("unit=Finance+%26+Risk&verdict=BLOCKED&stalledDays=120&groupBy=team");
    expect(parsePortfolioFilters(params)).toEqual(filters);
    expect(hasPilotFilters(filters)).toBe(true);
  });
});
