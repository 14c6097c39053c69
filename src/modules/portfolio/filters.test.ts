import { describe, expect, it } from "vitest";
import { pilotListQuerySchema } from "@/modules/pilots/shared";
import {
  DEFAULT_PORTFOLIO_FILTERS,
  figureStages,
  hasPilotFilters,
  MAX_FILTER_VALUES,
  parsePortfolioFilters,
  pilotListSearchFor,
  toSearchParams,
  withFilterValue,
} from "./filters";

const NONE = { units: [], stages: [], teams: [], tags: [], verdicts: [] };

describe("portfolio filters", () => {
  it("defaults to the whole portfolio", () => {
    expect(DEFAULT_PORTFOLIO_FILTERS).toEqual({ ...NONE, stalledDays: 90, groupBy: "unit", sort: "readiness" });
    expect(hasPilotFilters(DEFAULT_PORTFOLIO_FILTERS)).toBe(false);
    // Without a stage filter the figures count every stage but RETIRED.
    expect(figureStages(DEFAULT_PORTFOLIO_FILTERS)).toEqual(["IDEA", "PILOT", "PRODUCTION_INTENT", "PRODUCTION"]);
    expect(figureStages(parsePortfolioFilters({ stage: ["RETIRED", "PILOT"] }))).toEqual(["PILOT", "RETIRED"]);
  });

  it("parses URL search params, Next's searchParams objects and lower-cases tags", () => {
    const fromUrl = parsePortfolioFilters(
      new URLSearchParams(
        "unit=Finance&stage=PILOT&team=Ledger&tag=LLM&verdict=NOT_ASSESSED&stalledDays=30&groupBy=team&sort=-pillar:data",
      ),
    );
    expect(fromUrl).toEqual({
      units: ["Finance"],
      stages: ["PILOT"],
      teams: ["Ledger"],
      tags: ["llm"],
      verdicts: ["NOT_ASSESSED"],
      stalledDays: 30,
      groupBy: "team",
      sort: "-pillar:data",
    });
    // Next gives string | string[] per key; a repeated scalar takes its first value.
    expect(parsePortfolioFilters({ unit: ["Finance", "Legal"], verdict: "READY", stalledDays: ["30", "40"] })).toEqual({
      ...DEFAULT_PORTFOLIO_FILTERS,
      units: ["Finance", "Legal"],
      verdicts: ["READY"],
      stalledDays: 30,
    });
  });

  it("takes several values per filter as repeated parameters, deduplicated, in a canonical order", () => {
    const f = parsePortfolioFilters(
      new URLSearchParams(
        "unit=Retail&unit=Claims&unit=Retail&stage=PRODUCTION_INTENT&stage=PILOT&tag=b&tag=A&verdict=NOT_ASSESSED&verdict=READY&team=T",
      ),
    );
    expect(f).toMatchObject({
      units: ["Claims", "Retail"],
      stages: ["PILOT", "PRODUCTION_INTENT"], // stage order, not URL order
      tags: ["a", "b"],
      verdicts: ["READY", "NOT_ASSESSED"], // verdict order
      teams: ["T"],
    });
    expect(hasPilotFilters(f)).toBe(true);
    // Parsing the parsed filters gives them back.
    expect(parsePortfolioFilters(f)).toEqual(f);
  });

  it("drops bad values one by one instead of failing, and keeps at most 50 per filter", () => {
    expect(
      parsePortfolioFilters({
        unit: ["", "Claims", "a\u0000b", "x".repeat(81)],
        stage: ["LAUNCHED", "PILOT"],
        verdict: ["GREAT", "BLOCKED"],
        tag: ["x".repeat(41), "ok"],
        team: { nested: true },
      }),
    ).toEqual({
      ...DEFAULT_PORTFOLIO_FILTERS,
      units: ["Claims"],
      stages: ["PILOT"],
      verdicts: ["BLOCKED"],
      tags: ["ok"],
    });
    const many = Array.from({ length: 120 }, (_, i) => `Unit ${String(i).padStart(3, "0")}`);
    const capped = parsePortfolioFilters({ unit: many });
    expect(capped.units).toHaveLength(MAX_FILTER_VALUES);
    expect(MAX_FILTER_VALUES).toBe(50);
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

  it("writes only non-default values, repeated and in a stable order, and round-trips", () => {
    expect(toSearchParams(DEFAULT_PORTFOLIO_FILTERS).toString()).toBe("");
    const filters = parsePortfolioFilters({
      verdict: ["BLOCKED", "READY"],
      stage: ["PRODUCTION_INTENT", "PILOT"],
      unit: ["Retail", "Finance & Risk"],
      stalledDays: "120",
      groupBy: "team",
    });
    const params = toSearchParams(filters);
    expect(params.toString()).toBe(
      "unit=Finance+%26+Risk&unit=Retail&stage=PILOT&stage=PRODUCTION_INTENT&verdict=BLOCKED&verdict=READY&stalledDays=120&groupBy=team",
    );
    expect(parsePortfolioFilters(params)).toEqual(filters);
    expect(hasPilotFilters(filters)).toBe(true);
    // The order of the values given does not change the URL.
    expect(toSearchParams({ ...filters, units: ["Retail", "Finance & Risk"] }).toString()).toBe(params.toString());
  });

  it("a link that drills into one value adds it to the filter's values", () => {
    const f = parsePortfolioFilters({ verdict: "READY", unit: "Claims" });
    expect(withFilterValue(f, "verdicts", "BLOCKED").verdicts).toEqual(["READY", "BLOCKED"]);
    expect(withFilterValue(f, "verdicts", "READY")).toBe(f);
    expect(toSearchParams(withFilterValue(DEFAULT_PORTFOLIO_FILTERS, "units", "Retail")).toString()).toBe(
      "unit=Retail",
    );
  });

  it("opens the pilot list with the same pilots: the filters, the stages spelled out, the gap", () => {
    const f = parsePortfolioFilters({ unit: ["Retail", "Claims"], tag: "llm", verdict: "BLOCKED", sort: "name" });
    const search = pilotListSearchFor(f, { gap: "observability.drift" });
    expect(search).toBe(
      "?unit=Claims&unit=Retail&stage=IDEA&stage=PILOT&stage=PRODUCTION_INTENT&stage=PRODUCTION&tag=llm&verdict=BLOCKED&gap=observability.drift",
    );
    expect(pilotListQuerySchema.parse(new URLSearchParams(search))).toMatchObject({
      units: ["Claims", "Retail"],
      stages: ["IDEA", "PILOT", "PRODUCTION_INTENT", "PRODUCTION"],
      tags: ["llm"],
      verdicts: ["BLOCKED"],
      gap: "observability.drift",
    });
    // A stage filter that includes RETIRED is kept as it is.
    expect(pilotListSearchFor(parsePortfolioFilters({ stage: "RETIRED" }))).toBe("?stage=RETIRED");
  });
});
